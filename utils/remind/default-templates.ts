export interface ReminderTemplate {
  id: string;
  name: string;
  lang: 'zh' | 'en';
  text: string;
}

/** Defaults every platform starts with; sellers' guides remind within 24 h, often with a coupon. */
export const DEFAULT_TEMPLATES: readonly ReminderTemplate[] = [
  {
    id: 'zh-default',
    name: '默认催付',
    lang: 'zh',
    text: '{买家}您好～您在{店铺}拍下的「{商品}」（{金额}）还没有付款哦，库存有限，付款后我们会尽快为您安排发货～',
  },
  {
    id: 'zh-coupon',
    name: '优惠券催付',
    lang: 'zh',
    text: '{买家}您好，您{下单时间}拍下的「{商品}」还未付款～送您一张优惠券：{优惠券}，付款时可直接使用，祝您购物愉快！',
  },
  {
    id: 'zh-deadline',
    name: '付款截止提醒',
    lang: 'zh',
    text: '{买家}您好，您的订单 {订单号} 将在 {付款截止} 自动关闭，喜欢的话记得及时付款哦～',
  },
  {
    id: 'en-default',
    name: 'Default reminder',
    lang: 'en',
    text: 'Hi {buyer}, your order for "{item}" ({amount}) at {shop} is waiting for payment. Pay soon and we will ship it right away!',
  },
];
