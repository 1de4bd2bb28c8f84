import type { CapturedOrder } from '../model/order';
import type { SiteDefinition } from '../sites/types';

function defaultMessage(order: CapturedOrder): string {
  const item = order.items[0]?.title ?? '宝贝';
  const shop = order.shop ? `【${order.shop}】` : '本店';
  return `亲，您在${shop}拍下的「${item}」还未付款哦，库存有限，付款后我们会尽快为您发货～`;
}

/** 催付: copies the reminder text for the seller to paste into the buyer chat. The extension sends nothing. */
export async function remindFromRow(button: Element, order: CapturedOrder, _site: SiteDefinition): Promise<void> {
  try {
    await navigator.clipboard.writeText(defaultMessage(order));
    button.setAttribute('title', '催付话术已复制，请粘贴到买家聊天窗口');
  } catch {
    button.setAttribute('title', '无法写入剪贴板');
  }
}
