// Realistic synthetic orders for the benchmark: the five consoles, several shops each, every status with
// the console's own wording, multi-item orders, one or two waybills with real-looking formats, some
// tracking events, masked buyers and province/city regions. Deterministic: order `index` of a given seed
// and `now` is always the same order, so a later "page" can re-capture it with a changed status.
import type { CapturedOrder, Item, Shipment, TrackingEvent } from '@/utils/model/order';
import type { OrderStatus } from '@/utils/model/status';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beijing time has no DST: a Beijing calendar day starts at 16:00 UTC of the day before. */
const BEIJING_OFFSET = 8 * HOUR;

export const PLATFORMS = ['douyin', 'jd', 'taobao', 'kuaishou', 'pinduoduo'] as const;
export type BenchPlatform = (typeof PLATFORMS)[number];

interface PlatformProfile {
  /** Share of the orders (the five sum to 1). */
  share: number;
  shops: readonly string[];
  payments: readonly string[];
  /** The console's own words per status (first is the most common). */
  words: Record<OrderStatus, readonly string[]>;
  orderId(index: number, createdAt: number, rng: Rng): string;
}

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rngFor(seed: number, index: number, salt = 0): Rng {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 7, 0x27d4eb2f));
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const digits = (rng: Rng, length: number) => {
  let out = '';
  for (let i = 0; i < length; i++) out += String(Math.floor(rng() * 10));
  return out;
};
const pad = (value: number, length: number) => String(value).padStart(length, '0');

function beijingYymmdd(ms: number): string {
  const d = new Date(ms + BEIJING_OFFSET);
  return pad(d.getUTCFullYear() % 100, 2) + pad(d.getUTCMonth() + 1, 2) + pad(d.getUTCDate(), 2);
}

const COMMON_WORDS: Record<OrderStatus, readonly string[]> = {
  unpaid: ['待付款'],
  paid: ['待发货'],
  shipped: ['已发货'],
  delivered: ['已签收'],
  completed: ['已完成'],
  closed: ['已关闭'],
  after_sale: ['售后中'],
  refunded: ['已退款'],
};

// Order ids embed the index, so the 100k are unique per platform; the rest of the digits are random.
const PROFILES: Record<BenchPlatform, PlatformProfile> = {
  douyin: {
    share: 0.3,
    shops: ['花漾美妆旗舰店', '山野茶事', '小鹿童装官方店', '鲜果时光'],
    payments: ['抖音支付', '微信支付', '支付宝', '抖音月付'],
    words: { ...COMMON_WORDS, unpaid: ['待支付'], paid: ['待发货', '备货中'], shipped: ['已发货', '部分发货'], refunded: ['已退款', '退款成功'] },
    orderId: (index, _at, rng) => `49${pad(index, 8)}${digits(rng, 9)}`,
  },
  jd: {
    share: 0.15,
    shops: ['优品数码专营店', '家居生活馆', '京选母婴旗舰店'],
    payments: ['在线支付', '京东支付', '货到付款', '白条'],
    words: { ...COMMON_WORDS, unpaid: ['等待付款', '待付款'], paid: ['等待出库', '等待发货'], shipped: ['等待确认收货'], completed: ['完成'], closed: ['取消'], after_sale: ['退款中'] },
    orderId: (index) => `3${pad(index, 11)}`,
  },
  taobao: {
    share: 0.25,
    shops: ['织梦家纺旗舰店', '老街口零食铺', '简约女装工作室', '运动户外专营'],
    payments: ['支付宝', '花呗', '信用卡'],
    words: {
      ...COMMON_WORDS,
      unpaid: ['等待买家付款'],
      paid: ['买家已付款', '等待卖家发货'],
      shipped: ['卖家已发货', '等待买家确认收货'],
      delivered: ['买家已签收'],
      completed: ['交易成功'],
      closed: ['交易关闭'],
      after_sale: ['退款中', '请卖家处理'],
      refunded: ['退款成功'],
    },
    orderId: (index, _at, rng) => `33${pad(index, 8)}${digits(rng, 9)}`,
  },
  kuaishou: {
    share: 0.12,
    shops: ['快乐农场特产', '小杨潮鞋'],
    payments: ['微信支付', '支付宝', '快手支付'],
    words: { ...COMMON_WORDS, paid: ['待发货', '已付款'], shipped: ['待收货', '已发货'], completed: ['订单成功', '已完成'], closed: ['订单失败', '已关闭'] },
    orderId: (index, _at, rng) => `24${pad(index, 8)}${digits(rng, 6)}`,
  },
  pinduoduo: {
    share: 0.18,
    shops: ['果园直发生鲜', '好物百货店', '宝妈优选'],
    payments: ['微信支付', '支付宝', '多多支付', '先用后付'],
    words: {
      ...COMMON_WORDS,
      unpaid: ['待支付'],
      shipped: ['已发货，待签收'],
      completed: ['已签收'],
      closed: ['未支付，交易关闭', '已取消'],
      refunded: ['未发货，退款成功', '已发货，退款成功'],
    },
    orderId: (index, createdAt, rng) => `${beijingYymmdd(createdAt)}-1${pad(index, 8)}${digits(rng, 6)}`,
  },
};

const CATALOGUE: readonly { title: string; specs: readonly string[]; cents: readonly [number, number] }[] = [
  { title: '【官方正品】玻尿酸补水保湿面膜 10片/盒', specs: ['10片装', '20片装'], cents: [3990, 8990] },
  { title: '2024春季新款纯棉长袖T恤女宽松百搭打底衫', specs: ['白色 M', '黑色 L', '杏色 XL'], cents: [2900, 6900] },
  { title: '云南古树普洱茶 熟茶饼 357g', specs: ['357g', '2饼装'], cents: [8800, 26800] },
  { title: '儿童加绒卫衣 秋冬款 男童女童', specs: ['110cm', '120cm', '130cm'], cents: [4900, 9900] },
  { title: '烟台红富士苹果 新鲜水果 5斤装', specs: ['5斤 中果', '10斤 大果'], cents: [1990, 4990] },
  { title: '蓝牙耳机 真无线 降噪 超长续航', specs: ['白色', '黑色'], cents: [9900, 39900] },
  { title: '加厚珊瑚绒四件套 床单被套', specs: ['1.5m床', '1.8m床'], cents: [12900, 29900] },
  { title: '手工辣条 麻辣零食大礼包 500g', specs: ['500g', '1kg'], cents: [990, 2990] },
  { title: '男士运动跑鞋 透气网面 轻便减震', specs: ['41', '42', '43'], cents: [15900, 45900] },
  { title: '婴儿纸尿裤 L码 超薄透气 52片', specs: ['L52', 'XL44'], cents: [6900, 12900] },
  { title: '304不锈钢保温杯 大容量 男女学生', specs: ['500ml', '750ml'], cents: [3900, 8900] },
  { title: '智能手表 心率血氧监测 运动手环', specs: ['标准版', 'NFC版'], cents: [19900, 59900] },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const NICKS = ['t**8', '小***子', 'j***n', '甜***糖', 'm***3', '快***人', '测*'];
const REGIONS = [
  '浙江省杭州市', '广东省深圳市', '广东省广州市', '江苏省南京市', '江苏省苏州市', '上海市', '北京市',
  '四川省成都市', '湖北省武汉市', '山东省青岛市', '河南省郑州市', '福建省厦门市', '湖南省长沙市', '陕西省西安市',
  '重庆市', '辽宁省沈阳市', '云南省昆明市', '安徽省合肥市',
];

const CARRIERS: readonly { code: string; name: string; waybill: (rng: Rng) => string }[] = [
  { code: 'zto', name: '中通快递', waybill: (rng) => `78${digits(rng, 12)}` },
  { code: 'yto', name: '圆通速递', waybill: (rng) => `YT${digits(rng, 13)}` },
  { code: 'yunda', name: '韵达快递', waybill: (rng) => `43${digits(rng, 13)}` },
  { code: 'jt', name: '极兔速递', waybill: (rng) => `JT${digits(rng, 13)}` },
  { code: 'sto', name: '申通快递', waybill: (rng) => `77${digits(rng, 13)}` },
  { code: 'sf', name: '顺丰速运', waybill: (rng) => `SF${digits(rng, 13)}` },
  { code: 'jd', name: '京东快递', waybill: (rng) => `JDVA${digits(rng, 11)}` },
  { code: 'ems', name: 'EMS', waybill: (rng) => `98${digits(rng, 11)}` },
];

const TRACE = ['快件已由【{city}转运中心】揽收', '快件已发往【{city}分拨中心】', '快件已到达【{city}营业部】', '派件员正在为您派件', '您的快件已签收，签收人：本人'];

// Status mix of a seller's order history (most orders end completed).
const STATUS_WEIGHTS: readonly [OrderStatus, number][] = [
  ['completed', 0.52],
  ['delivered', 0.08],
  ['shipped', 0.12],
  ['paid', 0.06],
  ['unpaid', 0.04],
  ['closed', 0.1],
  ['after_sale', 0.03],
  ['refunded', 0.05],
];

function pickWeighted<T>(rng: Rng, weighted: readonly (readonly [T, number])[]): T {
  let r = rng();
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const PLATFORM_WEIGHTS = PLATFORMS.map((platform) => [platform, PROFILES[platform].share] as const);

export interface GeneratorOptions {
  seed: number;
  /** Epoch ms the history ends at. */
  now: number;
  /** How far back the history goes, in days. */
  days: number;
}

function makeItems(rng: Rng): Item[] {
  const count = pickWeighted(rng, [[1, 0.7], [2, 0.2], [3, 0.07], [5, 0.03]] as const);
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const product = pick(rng, CATALOGUE);
    const [low, high] = product.cents;
    items.push({
      title: product.title,
      spec: pick(rng, product.specs),
      quantity: pickWeighted(rng, [[1, 0.8], [2, 0.15], [3, 0.05]] as const),
      unitPriceCents: Math.round((low + rng() * (high - low)) / 10) * 10,
      skuId: digits(rng, 12),
    });
  }
  return items;
}

function makeShipment(rng: Rng, shippedAt: number, deliveredAt: number | undefined, city: string, now: number): Shipment {
  const carrier = pick(rng, CARRIERS);
  const events: TrackingEvent[] = [];
  // Detail pages show traces: about a fifth of the shipments carry events.
  if (rng() < 0.2) {
    const last = deliveredAt ?? Math.min(now, shippedAt + 30 * HOUR);
    const steps = deliveredAt ? TRACE.length : int(rng, 2, TRACE.length - 1);
    for (let i = 0; i < steps; i++) {
      events.push({
        at: Math.round(shippedAt + ((last - shippedAt) * i) / Math.max(1, steps - 1)),
        text: TRACE[i]!.replace('{city}', city),
        location: city,
      });
    }
  }
  return {
    waybillNo: carrier.waybill(rng),
    carrierName: carrier.name,
    carrierCode: carrier.code,
    events,
    ...(events.length ? { lastEventAt: events[events.length - 1]!.at } : {}),
  };
}

/** Where a status puts an order on its timeline. */
const REACHED: Record<OrderStatus, { paid: boolean; shipped: boolean; delivered: boolean; completed: boolean }> = {
  unpaid: { paid: false, shipped: false, delivered: false, completed: false },
  closed: { paid: false, shipped: false, delivered: false, completed: false },
  paid: { paid: true, shipped: false, delivered: false, completed: false },
  shipped: { paid: true, shipped: true, delivered: false, completed: false },
  delivered: { paid: true, shipped: true, delivered: true, completed: false },
  completed: { paid: true, shipped: true, delivered: true, completed: true },
  after_sale: { paid: true, shipped: true, delivered: false, completed: false },
  refunded: { paid: true, shipped: false, delivered: false, completed: false },
};

/** Status an order of this age can plausibly still have (old orders are settled). */
function settle(status: OrderStatus, ageMs: number): OrderStatus {
  if (status === 'unpaid' && ageMs > DAY) return 'closed';
  if (status === 'paid' && ageMs > 4 * DAY) return 'completed';
  if (status === 'shipped' && ageMs > 12 * DAY) return 'completed';
  if (status === 'delivered' && ageMs > 20 * DAY) return 'completed';
  if ((status === 'delivered' || status === 'completed') && ageMs < 3 * DAY) return 'shipped';
  return status;
}

export interface OrderGenerator {
  /** Order number `index` of the history, captured from a list or detail page. */
  orderAt(index: number): CapturedOrder;
  /** A brand-new order (index beyond the history), created in the last hours. */
  newOrderAt(index: number): CapturedOrder;
  /** The same order seen again later with a changed status (null when it cannot move on). */
  advanced(order: CapturedOrder, observedAt: number): CapturedOrder | null;
}

export function createOrderGenerator({ seed, now, days }: GeneratorOptions): OrderGenerator {
  function build(index: number, createdAt: number, status: OrderStatus | undefined): CapturedOrder {
    const rng = rngFor(seed, index);
    const platform = pickWeighted(rng, PLATFORM_WEIGHTS);
    const profile = PROFILES[platform];
    const settled = settle(status ?? pickWeighted(rng, STATUS_WEIGHTS), now - createdAt);
    const reached = REACHED[settled];
    const items = makeItems(rng);
    const itemsCents = items.reduce((sum, item) => sum + (item.unitPriceCents ?? 0) * (item.quantity ?? 1), 0);
    const discount = rng() < 0.4 ? Math.min(itemsCents - 100, int(rng, 1, 30) * 100) : 0;
    const region = pick(rng, REGIONS);
    // `浙江省杭州市` → 杭州, `上海市` → 上海 (the one spelling the readers give)
    const city = (/(?:省|自治区)(.+?)市$/.exec(region)?.[1] ?? region.replace(/市$/, '')).replace('市', '');
    const paidAt = reached.paid ? Math.min(now, createdAt + int(rng, 10, 1800) * 1000) : undefined;
    const shippedAt = reached.shipped && paidAt ? Math.min(now, paidAt + int(rng, 2, 60) * HOUR) : undefined;
    const deliveredAt = reached.delivered && shippedAt ? Math.min(now, shippedAt + int(rng, 20, 110) * HOUR) : undefined;
    const completedAt = reached.completed && deliveredAt ? Math.min(now, deliveredAt + int(rng, 3, 10) * DAY) : undefined;
    const shipments: Shipment[] = [];
    if (shippedAt) {
      shipments.push(makeShipment(rng, shippedAt, deliveredAt, city, now));
      // Split parcels: a multi-item order sometimes leaves in two.
      if (items.length > 1 && rng() < 0.35) shipments.push(makeShipment(rng, shippedAt + HOUR, deliveredAt, city, now));
    }
    const order: CapturedOrder = {
      platform,
      orderId: profile.orderId(index, createdAt, rng),
      shop: pick(rng, profile.shops),
      status: settled,
      statusText: pick(rng, profile.words[settled]),
      createdAt,
      amountCents: Math.max(1, itemsCents - Math.max(0, discount)),
      currency: 'CNY',
      buyer: rng() < 0.7 ? `${pick(rng, SURNAMES)}${rng() < 0.5 ? '*' : '**'}` : pick(rng, NICKS),
      receiverRegion: region,
      items,
      shipments,
      sourcePage: rng() < 0.85 ? 'list' : 'detail',
    };
    if (paidAt) {
      order.paidAt = paidAt;
      order.paymentMethod = pick(rng, profile.payments);
    }
    if (settled === 'paid' && paidAt) order.promisedShipAt = paidAt + 48 * HOUR;
    if (settled === 'unpaid') order.payDeadlineAt = createdAt + 30 * MINUTE;
    if (shippedAt) order.shippedAt = shippedAt;
    if (deliveredAt) order.deliveredAt = deliveredAt;
    if (completedAt) order.completedAt = completedAt;
    if (settled === 'after_sale' || settled === 'refunded') order.afterSale = true;
    if (rng() < 0.01) order.dispute = true;
    return order;
  }

  return {
    orderAt(index) {
      const rng = rngFor(seed, index, 1);
      // More recent days have more orders (a growing shop), and orders cluster in the daytime.
      const ageDays = Math.floor(days * rng() ** 1.6);
      const dayStart = now - ageDays * DAY;
      const createdAt = Math.min(now - MINUTE, dayStart - int(rng, 0, 14) * HOUR - int(rng, 0, 3599) * 1000);
      return build(index, createdAt, undefined);
    },
    newOrderAt(index) {
      const rng = rngFor(seed, index, 2);
      const createdAt = now - int(rng, 1, 6 * 60) * MINUTE;
      return build(index, createdAt, pickWeighted(rng, [['unpaid', 0.2], ['paid', 0.8]] as const));
    },
    advanced(order, observedAt) {
      const rng = rngFor(seed, Number(order.orderId.replace(/\D/g, '').slice(-9)), 3);
      const next: CapturedOrder = { ...order, sourcePage: 'list' };
      const words = PROFILES[order.platform as BenchPlatform].words;
      const city = order.receiverRegion?.split(' ')[1]?.replace('市', '') ?? '杭州';
      switch (order.status) {
        case 'unpaid':
          next.status = 'paid';
          next.paidAt = observedAt - int(rng, 1, 30) * MINUTE;
          next.paymentMethod = pick(rng, PROFILES[order.platform as BenchPlatform].payments);
          delete next.payDeadlineAt;
          break;
        case 'paid':
          next.status = 'shipped';
          next.shippedAt = observedAt - int(rng, 1, 120) * MINUTE;
          next.shipments = [makeShipment(rng, next.shippedAt, undefined, city, observedAt)];
          break;
        case 'shipped':
          next.status = 'delivered';
          next.deliveredAt = observedAt - int(rng, 1, 120) * MINUTE;
          break;
        case 'delivered':
          next.status = 'completed';
          next.completedAt = observedAt - int(rng, 1, 120) * MINUTE;
          break;
        case 'completed':
          next.status = 'after_sale';
          next.afterSale = true;
          break;
        default:
          return null;
      }
      next.statusText = pick(rng, words[next.status!]);
      return next;
    },
  };
}
