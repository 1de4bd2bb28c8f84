import type { CapturedOrder } from '../model/order';
import { formatBeijing } from '../model/time';
import type { RemindOutcome } from '../remind/remind-order';
import type { SiteDefinition } from '../sites/types';
import { sendToBackground } from './send-to-background';
import { showToast } from './toast';

const CHANNEL_NAMES: Record<string, string> = {
  feige: '飞鸽',
  dongdong: '京东咚咚',
  wangwang: '千牛/旺旺',
  'pdd-chat': '拼多多客服',
  'kwai-im': '快手客服',
};

function refusalText(outcome: Exclude<RemindOutcome, { ok: true }>): string {
  switch (outcome.reason) {
    case 'cooldown':
      return `已在 ${formatBeijing(outcome.lastAt).slice(5, 16)} 催付过，${formatBeijing(outcome.nextAt).slice(5, 16)} 前不再重复催付（冷却时间可在仪表盘修改）`;
    case 'not-unpaid':
      return '该订单已不是待付款状态，无需催付';
    case 'unknown-order':
      return 'OrderLens 还没有记录这笔订单，请稍后再试';
    case 'expired':
      return `已超过付款时限（${formatBeijing(outcome.deadlineAt).slice(5, 16)}），后台会自动关闭这笔订单，无需催付（付款时限可在仪表盘「待催付」修改）`;
    case 'claimed':
      // team sync: a teammate claimed this order's reminder on the server within the cooldown
      return `${outcome.by} 已在 ${formatBeijing(outcome.at).slice(5, 16)} 催付过，请勿重复催付`;
  }
}

/**
 * 催付 from a row: the background checks and records it and fills the template; the text goes to the
 * clipboard and the platform's buyer chat opens in a tab. The seller sends the message, never us.
 */
export async function remindFromRow(
  button: Element,
  order: CapturedOrder,
  site: SiteDefinition,
  onReminded: (at: number) => void,
): Promise<void> {
  const outcome = await sendToBackground<RemindOutcome>({ type: 'orderlens/remind', v: 1, platform: site.platform, orderId: order.orderId });
  if (!outcome) {
    showToast(button, 'OrderLens 已更新，请刷新页面后再催付', 'refused');
    return;
  }
  if (!outcome.ok) {
    showToast(button, refusalText(outcome), 'refused').setAttribute('data-orderlens-reason', outcome.reason);
    return;
  }
  onReminded(outcome.at);
  let copied = true;
  try {
    await navigator.clipboard.writeText(outcome.text);
  } catch {
    copied = false;
  }
  const where = CHANNEL_NAMES[outcome.channel] ?? '买家聊天窗口';
  // team sync on but the server unreachable: allowed, recorded as not coordinated (a later pass pushes the claim)
  const uncoordinated = (outcome as { uncoordinated?: boolean }).uncoordinated ? '（服务器无法连接，本次催付未与队友协调）' : '';
  showToast(button, copied ? `催付话术已复制，请在${where}粘贴发送${uncoordinated}：` : `无法写入剪贴板，请手动复制后在${where}发送${uncoordinated}：`, 'ok', outcome.text);
  if (outcome.chatUrl) button.ownerDocument.defaultView?.open(outcome.chatUrl, '_blank', 'noopener');
}
