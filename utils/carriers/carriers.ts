/**
 * The couriers OrderLens recognises, as data. Facts and confidence levels from
 * shared/reference/consoles.md §6 (waybill formats, tracking pages, kuaidi100 codes) and §4.2 (Kuaishou's
 * courier list: 百世 merged into 极兔, 丹鸟 renamed 菜鸟速递 on 2024-01-09).
 * Pure data, no DOM: content scripts, the background and extension pages all import it.
 */

export type CarrierCode =
  | 'sf'
  | 'jd'
  | 'zto'
  | 'yto'
  | 'sto'
  | 'yunda'
  | 'jt'
  | 'ems'
  | 'post'
  | 'deppon'
  | 'cainiao'
  | 'best'
  | 'fengwang';

/** consoles.md §6.2 rating of a carrier's own public tracking page. Only H and M(-ish) pages are listed. */
export type OfficialPageConfidence = 'H' | 'M' | 'M-L' | 'L-M';

export interface OfficialTrackingPage {
  /** `{no}` is replaced by the URL-encoded waybill number. */
  readonly urlTemplate: string;
  readonly confidence: OfficialPageConfidence;
}

export interface CarrierInfo {
  /** Our stable id (fits ShipmentSchema.carrierCode). */
  readonly code: CarrierCode;
  /** The name OrderLens displays. */
  readonly nameZh: string;
  /**
   * Names consoles print for this carrier. Matched after normalisation (full-width → half-width, no spaces or
   * punctuation, lower case); a console name also matches when it contains an alias (`顺丰标快` → 顺丰).
   */
  readonly aliases: readonly string[];
  /** kuaidi100 `com` code for `https://www.kuaidi100.com/chaxun?com=…&nu=…`. */
  readonly kuaidi100: string;
  readonly official?: OfficialTrackingPage;
  /** Track this carrier's parcels as another carrier's (百世 → 极兔 since the merger). */
  readonly trackAs?: CarrierCode;
}

export const CARRIERS: readonly CarrierInfo[] = [
  {
    code: 'sf',
    nameZh: '顺丰速运',
    aliases: ['顺丰速运', '顺丰快递', '顺丰速递', '顺丰', 'SF', 'SF Express'],
    kuaidi100: 'shunfeng',
    // H: several scripts navigate there. The page is an anti-bot SPA and may ask for the phone's last 4 digits.
    official: { urlTemplate: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/{no}', confidence: 'H' },
  },
  {
    code: 'jd',
    nameZh: '京东快递',
    aliases: ['京东快递', '京东物流', '京东配送', '京东', 'JD', 'JDL'],
    kuaidi100: 'jd',
    // L-M: public code disagrees (jdl.com/orderSearch vs jdl.cn/order/search); kuaidi100 is offered next to it.
    official: { urlTemplate: 'https://www.jdl.com/orderSearch/?waybillCodes={no}', confidence: 'L-M' },
  },
  {
    code: 'zto',
    nameZh: '中通快递',
    aliases: ['中通快递', '中通', 'ZTO'],
    kuaidi100: 'zhongtong',
    // M-L: seen only in older scrapers (GuestService/Bill); kuaidi100 is offered next to it.
    official: { urlTemplate: 'https://www.zto.com/GuestService/Bill?txtBill={no}', confidence: 'M-L' },
  },
  { code: 'yto', nameZh: '圆通速递', aliases: ['圆通速递', '圆通快递', '圆通', 'YTO'], kuaidi100: 'yuantong' },
  { code: 'sto', nameZh: '申通快递', aliases: ['申通快递', '申通', 'STO'], kuaidi100: 'shentong' },
  { code: 'yunda', nameZh: '韵达快递', aliases: ['韵达快递', '韵达速递', '韵达', 'Yunda'], kuaidi100: 'yunda' },
  {
    code: 'jt',
    nameZh: '极兔速递',
    aliases: ['极兔速递', '极兔快递', '极兔', 'J&T', 'J&T Express', 'JTExpress'],
    kuaidi100: 'jtexpress',
  },
  {
    code: 'ems',
    nameZh: 'EMS',
    // 中国邮政速递物流 is EMS's company name; it contains 中国邮政 (→ post), so it is listed whole.
    aliases: ['EMS', '中国邮政EMS', '邮政EMS', 'EMS快递', '中国邮政速递物流', '中国邮政速递', '邮政速递'],
    kuaidi100: 'ems',
    // M: the site gates lookups with a click-CAPTCHA.
    official: { urlTemplate: 'https://www.ems.com.cn/queryList?mailNum={no}', confidence: 'M' },
  },
  {
    code: 'post',
    nameZh: '邮政快递包裹',
    aliases: ['邮政快递包裹', '中国邮政快递包裹', '中国邮政', '邮政包裹', '邮政国内小包', '邮政'],
    kuaidi100: 'youzhengguonei',
    // M: consoles.md rates the ems.com.cn query page for "EMS / 邮政" together (click-CAPTCHA there too).
    official: { urlTemplate: 'https://www.ems.com.cn/queryList?mailNum={no}', confidence: 'M' },
  },
  {
    code: 'deppon',
    nameZh: '德邦快递',
    aliases: ['德邦快递', '德邦物流', '德邦', 'Deppon'],
    // kuaidi100 lists both `debangkuaidi` (德邦快递, the DPK… express numbers) and `debangwuliu` (德邦物流).
    kuaidi100: 'debangkuaidi',
  },
  {
    code: 'cainiao',
    nameZh: '菜鸟速递',
    // 丹鸟 was renamed 菜鸟速递 on 2024-01-09 (Kuaishou code 113). Bare "菜鸟" is not an alias: 菜鸟裹裹 and
    // 菜鸟国际 are other services, which kuaidi100 auto-detect handles better than a wrong code.
    aliases: ['菜鸟速递', '菜鸟直送', '丹鸟'],
    kuaidi100: 'danniao',
  },
  {
    code: 'best',
    nameZh: '百世快递',
    aliases: ['百世快递', '百世汇通', '汇通快递', '百世'],
    kuaidi100: 'huitongkuaidi',
    // Merged into J&T: new parcels carry JT numbers and Kuaishou maps 百世 (1) to 极兔 (109).
    trackAs: 'jt',
  },
  { code: 'fengwang', nameZh: '丰网速运', aliases: ['丰网速运', '丰网'], kuaidi100: 'fengwang' },
];

const BY_CODE = new Map<string, CarrierInfo>(CARRIERS.map((carrier) => [carrier.code, carrier]));

export function carrierByCode(code: string): CarrierInfo | undefined {
  return BY_CODE.get(code);
}

/** The carrier whose pages track this carrier's parcels (itself, or J&T for 百世). */
export function trackingCarrier(carrier: CarrierInfo): CarrierInfo {
  return (carrier.trackAs && BY_CODE.get(carrier.trackAs)) || carrier;
}
