import { formatYuan } from '../model/money';
import { formatBeijing } from '../model/time';

/** The order facts a reminder can mention. */
export interface ReminderFacts {
  buyer?: string;
  items: { title: string; spec?: string }[];
  amountCents?: number;
  createdAt?: number;
  payDeadlineAt?: number;
  shop?: string;
  orderId: string;
  coupon?: string;
}

/** Variables sellers write in templates, Chinese names first (English aliases for English templates). */
export const TEMPLATE_VARIABLES = ['买家', '商品', '金额', '下单时间', '付款截止', '店铺', '订单号', '优惠券'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const ALIASES: Record<string, TemplateVariable> = {
  buyer: '买家',
  item: '商品',
  amount: '金额',
  ordered: '下单时间',
  deadline: '付款截止',
  shop: '店铺',
  order: '订单号',
  coupon: '优惠券',
};

const FALLBACK: Record<'zh' | 'en', Partial<Record<TemplateVariable, string>>> = {
  zh: { 买家: '亲', 商品: '宝贝', 店铺: '本店' },
  en: { 买家: 'there', 商品: 'your item', 店铺: 'our shop' },
};

/** A masked nickname (`测*`, `王**`) greets nobody: use the fallback word instead. */
function usableBuyer(buyer: string | undefined): string | undefined {
  if (!buyer || /\*/.test(buyer) || buyer === '号码保护订单') return undefined;
  return buyer;
}

function valueOf(variable: TemplateVariable, facts: ReminderFacts): string | undefined {
  switch (variable) {
    case '买家':
      return usableBuyer(facts.buyer);
    case '商品': {
      const first = facts.items[0]?.title;
      if (!first) return undefined;
      return facts.items.length > 1 ? `${first} 等 ${facts.items.length} 件商品` : first;
    }
    case '金额':
      return facts.amountCents === undefined ? undefined : `¥${formatYuan(facts.amountCents)}`;
    case '下单时间':
      return facts.createdAt === undefined ? undefined : formatBeijing(facts.createdAt).slice(0, 16);
    case '付款截止':
      return facts.payDeadlineAt === undefined ? undefined : formatBeijing(facts.payDeadlineAt).slice(0, 16);
    case '店铺':
      return facts.shop;
    case '订单号':
      return facts.orderId;
    case '优惠券':
      return facts.coupon;
  }
}

/**
 * Fills `{买家}`-style variables (or `{buyer}`) with the order's facts. The result is plain text for the
 * clipboard: markup in buyer names or titles stays literal text. A variable without a value becomes its
 * neutral word (亲, 宝贝, 本店) or disappears; an unknown `{…}` is left as written, so typos show.
 */
export function fillTemplate(template: string, facts: ReminderFacts, lang: 'zh' | 'en' = 'zh'): string {
  const filled = template.replace(/\{([^{}\s]{1,10})\}/g, (whole, name: string) => {
    const variable = (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? (name as TemplateVariable) : ALIASES[name.toLowerCase()];
    if (!variable) return whole;
    return valueOf(variable, facts) ?? FALLBACK[lang][variable] ?? '';
  });
  return filled.replace(/[ \t]{2,}/g, ' ').replace(/（\s*）|\(\s*\)/g, '').trim();
}
