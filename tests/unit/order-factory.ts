import { CapturedOrderSchema, type CapturedOrder, type CapturedOrderInput } from '@/utils/model/order';

/** A valid capture with overridable fields (19-digit id: beyond 2^53 on purpose). */
export function captured(overrides: Partial<CapturedOrderInput> = {}): CapturedOrder {
  return CapturedOrderSchema.parse({
    platform: 'douyin',
    orderId: '4987654321098765432',
    shop: '测试旗舰店',
    status: 'unpaid',
    statusText: '待支付',
    createdAt: Date.UTC(2026, 4, 12, 16, 22, 32),
    amountCents: 12990,
    buyer: '测*',
    items: [{ title: '纯棉T恤', spec: '白色 XL', quantity: 1, unitPriceCents: 12990 }],
    sourcePage: 'list',
    ...overrides,
  });
}
