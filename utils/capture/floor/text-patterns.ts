import { CARRIERS, type CarrierCode } from '../../carriers/carriers';
import { carrierFromName as carrierFromNameUncached } from '../../carriers/carrier-names';
import { parseMoneyCents } from '../../model/money';
import { receiverRegion } from '../../model/receiver-region';
import type { OrderStatus } from '../../model/status';
import { normalizeStatus } from '../../model/status-words';
import { parseBeijingTime } from '../../model/time';
import { isPlaceholder } from '../generic-cells';
import { type Kind, kindOfLabel } from './kinds';
import { memoize } from './memo';
import { afterSaleStateOf, type AfterSaleState } from './status-rollup';
import { fitsCarrier, fitsSomeCarrier, normalizeWaybillNo, uniqueFormatCarrier } from './waybill-fit';

/**
 * Class-free patterns over an order row's text: money beside its qualifiers, Beijing times tied to their
 * labels, carrier name + waybill number, status words on whole pieces, province/city of an address, order
 * ids. Every regex is compiled once here (readers run these over every row of a page).
 */

// ---------------------------------------------------------------------------------------------- money

/** A printed amount: `¥89.90`, `￥ 1,299.00`, `89.90元`, with an optional sign; never part of a longer number. */
const MONEY = /(?<![\d.])([-−－]\s*)?(?:[¥￥]\s*([-−－]\s*)?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*元)(?![\d.])/g;
const BARE_MONEY = /^[¥￥]?\s*(\d[\d,]*(?:\.\d{1,2})?)\s*元?$/;
/** Words that make the amount right after them a qualifier, never the order's amount. */
const QUALIFIER_BEFORE =
  /(?:运费|邮费|快递费|配送费|优惠|立减|减|折扣|折|红包|抵扣|抵|券|税费|税|原价|划线价|商品总价|总价|单价|定金|尾款|补贴)\s*[：:]?\s*[-−－]?\s*$/;
const OPEN_BRACKET = /[（(【[]/g;
const CLOSE_BRACKET = /[）)】\]]/g;

function bracketDelta(text: string): number {
  OPEN_BRACKET.lastIndex = 0;
  CLOSE_BRACKET.lastIndex = 0;
  return (text.match(OPEN_BRACKET)?.length ?? 0) - (text.match(CLOSE_BRACKET)?.length ?? 0);
}

/**
 * The order amount in a text that may also print freight and discounts: the first amount that is not a
 * qualifier (in brackets, negative, or right after 运费/含运费/优惠/减/折扣/邮费/单价 …). `¥89.90 含运费¥0.00`
 * and `实付 ¥89.90 (优惠¥5.00)` give 8990. Undefined when nothing readable is printed, when the first
 * unqualified amount is malformed, or when two different unqualified amounts are printed (`¥100.00 ¥80.00`:
 * which one was paid is not said).
 */
export function amountIn(text: string): number | undefined {
  if (!text || text.length > 400) return undefined;
  let amount: number | undefined;
  let depth = 0;
  let from = 0;
  let tokens = 0;
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    tokens += 1;
    const before = text.slice(from, m.index);
    depth = Math.max(0, depth + bracketDelta(before));
    from = m.index + m[0].length;
    const negative = m[1] !== undefined || m[2] !== undefined;
    if (depth > 0 || negative || QUALIFIER_BEFORE.test(before)) continue;
    const cents = parseMoneyCents(m[0]);
    if (cents === null || cents < 0) return undefined;
    if (amount === undefined) amount = cents;
    else if (cents !== amount) return undefined;
  }
  if (tokens > 0) return amount;
  // `实付：89.90` (no ¥): a lone number is the amount
  const bare = BARE_MONEY.exec(text.trim());
  if (!bare) return undefined;
  const cents = parseMoneyCents(bare[1]!);
  return cents === null ? undefined : cents;
}

// ---------------------------------------------------------------------------------------------- times

export type TimeKind = 'createdAt' | 'paidAt' | 'shippedAt';

const STAMP = /(?<!\d)\d{4}([-/])\d{1,2}\1\d{1,2}(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?(?![\d:])/g;
const DATE_ONLY = /^\d{4}([-/])\d{1,2}\1\d{1,2}$/;
const CLOCK_ONLY = /^\d{1,2}:\d{2}(?::\d{2})?$/;
// a time label before the stamp, maybe with a note in brackets (`下单时间（北京时间）：`)
const LABEL_BEFORE = /([\u4e00-\u9fa5]{2,8})\s*(?:[（(][^）)]{0,10}[）)])?\s*[：:]?\s*$/;
// JD: `2026-08-06 01:22:42 下单，2026-08-06 01:25:04 付款`
const WORD_AFTER = /^\s*(下单|创建|提交|成交|付款|支付|发货|出库)(?!时间)/;
const WORD_KIND: Record<string, TimeKind> = {
  下单: 'createdAt',
  创建: 'createdAt',
  提交: 'createdAt',
  成交: 'createdAt',
  付款: 'paidAt',
  支付: 'paidAt',
  发货: 'shippedAt',
  出库: 'shippedAt',
};
const CLAUSE_END = /[，,；;]/;
const STAMP_HINT = /\d{4}[-/]/;
const TRAILING_COLON = /[：:]\s*$/;
/** What stands between a carrier's name and its number (`中通快递 运单号：`), cut off the printed name. */
const NAME_END = /(?:运单号|快递单号|物流单号|运单编号|单号)?\s*[：:]?\s*$/;
const NUMBER_TOKENS = /[A-Za-z0-9]{8,30}/g;

const isTimeKind = (kind: Kind | undefined): kind is TimeKind => kind === 'createdAt' || kind === 'paidAt' || kind === 'shippedAt';

/** A value printed after a time label: the first Beijing time in it (`2024/11/20 10:21:33` too). */
export function timeIn(text: string): number | undefined {
  if (!text) return undefined;
  const whole = parseBeijingTime(text);
  if (whole !== null) return whole;
  STAMP.lastIndex = 0;
  const m = STAMP.exec(text);
  if (!m) return undefined;
  return parseBeijingTime(m[0]) ?? undefined;
}

/** Joins a date piece and a clock piece printed apart (`<span>2024-11-20</span><span>10:21:33</span>`). */
export function withClock(value: string, next: string | undefined): string {
  return next !== undefined && DATE_ONLY.test(value) && CLOCK_ONLY.test(next) ? `${value} ${next}` : value;
}

/**
 * Beijing times among a row's pieces that a label ties to a field: a time label before the stamp in its
 * piece (`下单时间：…`, `付款时间 （北京时间） …`) or as the previous piece, or a word after it (JD `… 下单，… 付款`).
 * A stamp with no label is not assigned to any field. The first stamp per field wins.
 */
export function labelledTimes(pieces: readonly string[]): Partial<Record<TimeKind, number>> {
  const out: Partial<Record<TimeKind, number>> = {};
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (piece.length > 300 || !STAMP_HINT.test(piece)) continue;
    STAMP.lastIndex = 0;
    let from = 0;
    const stamps = [...piece.matchAll(STAMP)];
    stamps.forEach((m, k) => {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      let text = m[0];
      if (DATE_ONLY.test(text)) text = withClock(text, end === piece.length ? pieces[i + 1] : undefined);
      const ms = parseBeijingTime(text);
      const before = piece.slice(from, start).split(CLAUSE_END).pop() ?? '';
      from = end;
      if (ms === null) return;
      const after = piece.slice(end, stamps[k + 1]?.index ?? piece.length).split(CLAUSE_END)[0] ?? '';
      let kind: TimeKind | undefined;
      const labelBefore = LABEL_BEFORE.exec(before)?.[1];
      const beforeKind = labelBefore ? kindOfLabel(labelBefore) : undefined;
      if (isTimeKind(beforeKind)) kind = beforeKind;
      else if (start === 0 && i > 0) {
        const previous = kindOfLabel(pieces[i - 1]!.replace(TRAILING_COLON, ''));
        if (isTimeKind(previous)) kind = previous;
      }
      if (!kind) {
        const word = WORD_AFTER.exec(after)?.[1];
        if (word) kind = WORD_KIND[word];
      }
      if (kind && out[kind] === undefined) out[kind] = ms;
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- waybills

export interface FloorShipment {
  waybillNo: string;
  /** The carrier's name as printed beside the number. */
  carrierName?: string;
  /** Our carrier code, when the printed name or the number's unique format names one. */
  carrierCode?: CarrierCode;
}

/** utils/carriers' name recognition, memoised: a page prints the same few carrier names on every row. */
export const carrierFromName = memoize((name: string) => carrierFromNameUncached(name), 512);

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const ALIASES = CARRIERS.flatMap((carrier) => carrier.aliases).sort((a, b) => b.length - a.length);
const CJK_ALIASES = ALIASES.filter((alias) => /[^\x00-\x7f]/.test(alias));
const LATIN_ALIASES = ALIASES.filter((alias) => !/[^\x00-\x7f]/.test(alias));
const NAME_TAIL = String.raw`(?:快递|速递|物流|速运|快运)?(?:股份有限公司|有限公司|公司)?(?:\s*[（(][^）)]{0,10}[）)])?`;
const NUMBER_LABEL = String.raw`(?:(?:运单号|快递单号|物流单号|运单编号|单号)\s*[：:]?\s*)?`;
const NUMBER = String.raw`([A-Za-z0-9]{8,30})(?![A-Za-z0-9])`;
/** `中通快递 784…`, `韵达快递：4625…`, `顺丰速运（标快） SF…`, `中通 运单号：…`: a separator is optional after a Chinese name. */
const CJK_CARRIER_NUMBER = new RegExp(
  `(${CJK_ALIASES.map(escape).join('|')})${NAME_TAIL}(?:\\s*[：:]\\s*|\\s*)${NUMBER_LABEL}${NUMBER}`,
  'g',
);
/** `SF Express SF…`, `ZTO: 784…`: a latin name stands alone and is followed by a separator. */
const LATIN_CARRIER_NUMBER = new RegExp(
  `(?<![A-Za-z0-9])(${LATIN_ALIASES.map(escape).join('|')})(?:\\s*[：:]\\s*|\\s+)${NUMBER_LABEL}${NUMBER}`,
  'gi',
);
/** A piece that is a number, maybe after a waybill label: `78432165498721`, `运单号：SF…`. */
const NUMBER_PIECE = new RegExp(`^${NUMBER_LABEL}${NUMBER}$`);
/** Bare numbers with a unique carrier prefix (SF…, JT…, YT…, DPK…, JD…, STO…, E?…CN). */
const PREFIXED_TOKEN = /(?<![A-Za-z0-9])(?:[A-Za-z]{2,3}\d{10,18}|JD[A-Za-z0-9]{10,18}|E[A-Za-z]\d{9}CN)(?![A-Za-z0-9])/g;
const HAS_DIGIT = /\d/;
const SEPARATOR_ONLY = /^[：:，,\s]+$/;

/** Shipments found so far, deduplicated by number (a later sighting may add the carrier's name). */
export class ShipmentSet {
  readonly list: FloorShipment[] = [];

  add(shipment: FloorShipment): void {
    if (this.list.length >= 20) return;
    const known = this.list.find((s) => s.waybillNo === shipment.waybillNo);
    if (!known) {
      this.list.push(shipment);
      return;
    }
    if (!known.carrierName && shipment.carrierName) known.carrierName = shipment.carrierName;
    if (!known.carrierCode && shipment.carrierCode) known.carrierCode = shipment.carrierCode;
  }
}

function named(name: string, rawNo: string): FloorShipment | null {
  const carrier = carrierFromName(name);
  const no = normalizeWaybillNo(rawNo);
  if (!carrier || !no || !fitsCarrier(carrier.code, no)) return null;
  return { waybillNo: no, carrierName: name.trim().slice(0, 40), carrierCode: carrier.code };
}

/** Characters a carrier's name starts with (both cases for latin names): a text with none names no carrier. */
const CARRIER_FIRST: ReadonlySet<number> = new Set(
  ALIASES.flatMap((alias) => [alias.toLowerCase().charCodeAt(0), alias.toUpperCase().charCodeAt(0)]),
);

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * What a text may hold, by one pass over its characters: a carrier's name (one of their first characters;
 * a latin one only where a word starts, so `商品ID` is none), a number of 6 digits or more, latin letters
 * (a prefixed waybill such as `SF…`).
 */
function mayHoldWaybill(text: string): { carrier: boolean; number: boolean; latin: boolean } {
  let carrier = false;
  let latin = false;
  let digits = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
    else if (isAsciiLetter(c)) {
      latin = true;
      if (!carrier && CARRIER_FIRST.has(c) && (i === 0 || !isAsciiLetter(text.charCodeAt(i - 1)))) carrier = true;
    } else if (!carrier && c >= 0x4e00 && CARRIER_FIRST.has(c)) carrier = true;
  }
  return { carrier, number: digits >= 6, latin };
}

/** Carrier name + a number in that carrier's format, inside one text. */
export function carrierNumbersIn(text: string, into: ShipmentSet): void {
  if (text.length > 500) return;
  const may = mayHoldWaybill(text);
  if (!may.carrier || !may.number) return;
  for (const pattern of [CJK_CARRIER_NUMBER, LATIN_CARRIER_NUMBER]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // the printed name with its service words (`中通快递`), without the separator and the number
      const name = m[0].slice(0, m[0].length - m[2]!.length).replace(NAME_END, '');
      const shipment = named(name, m[2]!);
      if (shipment) into.add(shipment);
    }
  }
}

/** A piece that is only a carrier's name (`中通快递`, `顺丰速运（标快）`), memoised: rows repeat them. */
const carrierPiece = memoize((piece: string): string | undefined => {
  if (piece.length > 24 || HAS_DIGIT.test(piece)) return undefined;
  const name = piece.replace(TRAILING_COLON, '');
  return carrierFromName(name) ? name : undefined;
});

/**
 * Every waybill a row prints with its carrier: `中通快递 784…` in one piece, a carrier piece then a number
 * piece (`<span>韵达快递</span><span>4625…</span>`), and bare numbers whose format only one carrier uses
 * (`SF1234567890123`). A bare digit-only number is never a waybill (phone fragments, 商品ID, order ids).
 */
export function shipmentsIn(pieces: readonly string[], into: ShipmentSet): void {
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (piece.length > 500) continue;
    const may = mayHoldWaybill(piece);
    if (may.carrier && may.number) carrierNumbersIn(piece, into);
    const name = may.carrier && piece.length <= 24 ? carrierPiece(piece) : undefined;
    if (name) {
      let j = i + 1;
      while (j < pieces.length && SEPARATOR_ONLY.test(pieces[j]!)) j += 1;
      const number = pieces[j] !== undefined ? NUMBER_PIECE.exec(pieces[j]!) : null;
      if (number) {
        const shipment = named(name, number[1]!);
        if (shipment) into.add(shipment);
      }
    }
    if (may.number && may.latin && piece.length <= 300) {
      PREFIXED_TOKEN.lastIndex = 0;
      for (const m of piece.matchAll(PREFIXED_TOKEN)) {
        const no = normalizeWaybillNo(m[0]);
        const code = no ? uniqueFormatCarrier(no) : undefined;
        if (no && code) into.add({ waybillNo: no, carrierCode: code });
      }
    }
  }
}

/**
 * Numbers printed under a waybill label or in a waybill column (`运单号：…`): carrier + number when the name is
 * printed with it, else each number that fits some carrier's format, with `carrierName` (printed elsewhere,
 * e.g. under 快递公司) kept when that carrier's format fits.
 */
export function labelledWaybills(text: string, carrierName: string | undefined, into: ShipmentSet): void {
  if (text.length > 500 || !HAS_DIGIT.test(text)) return;
  const before = into.list.length;
  carrierNumbersIn(text, into);
  if (into.list.length > before) return;
  const carrier = carrierName ? carrierFromName(carrierName) : undefined;
  for (const token of text.match(NUMBER_TOKENS) ?? []) {
    const no = normalizeWaybillNo(token);
    if (!no) continue;
    if (carrier) {
      if (fitsCarrier(carrier.code, no)) into.add({ waybillNo: no, carrierName: carrierName!.slice(0, 40), carrierCode: carrier.code });
    } else if (fitsSomeCarrier(no)) {
      const code = uniqueFormatCarrier(no);
      into.add(code ? { waybillNo: no, carrierCode: code } : { waybillNo: no });
    }
  }
}

// ---------------------------------------------------------------------------------------------- status

export interface StatusPiece {
  index: number;
  text: string;
  /** The normalised status of the words, if any. */
  status: OrderStatus | null;
  afterSale: AfterSaleState;
  /** Whether the words are the order's own status (not an item's after-sale text). */
  orderLevel: boolean;
  /** Logistics trace words (运输中, 已揽件 …): an order status only when nothing else is printed. */
  trace: boolean;
}

// 已签收 too: beside the order's own status it is the parcel's last event (a 拼多多 row printing only 已签收
// still reads it, as nothing else is printed)
const TRACE_WORDS = new Set(['已揽件', '已揽收', '运输中', '派件中', '派送中', '已签收']);
const LABELLED = /^([^：:]{1,12})[：:]\s*(.*)$/;
const STATUS_MAX = 30;
const STATUS_WORDS_MAX = 14;
const WHITESPACE = /\s+/;

interface WordsClass {
  status: OrderStatus | null;
  afterSale: AfterSaleState;
}

/** Status words hold Chinese and no digit (`剩余 1天23小时`, ids, prices and times are no status): checked first, cheaply. */
function mayBeStatusWords(words: string): boolean {
  let cjk = false;
  for (let i = 0; i < words.length; i += 1) {
    const c = words.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
    if (c >= 0x4e00 && c <= 0x9fa5) cjk = true;
  }
  return cjk;
}

/** What status words mean: the normalised status and the after-sale state (memoised: rows repeat them). */
const classifyWords = memoize((words: string): WordsClass | null => {
  if (!mayBeStatusWords(words)) return null;
  const status = normalizeStatus(words);
  const afterSale = afterSaleStateOf(words);
  return status || afterSale !== 'none' ? { status, afterSale } : null;
});

/** The words of a piece a status is read from: the piece when short, else its first whitespace-separated words. */
function wordsOf(text: string): string | undefined {
  // status words start with a Chinese character: ids, prices, times and `x1` are passed over at once
  const first = text.charCodeAt(0);
  if (first < 0x4e00 || first > 0x9fa5) return undefined;
  if (text.length <= STATUS_WORDS_MAX) return text;
  const space = text.search(WHITESPACE);
  return space > 0 && space <= STATUS_WORDS_MAX ? text.slice(0, space) : undefined;
}

/**
 * The status words of one piece: the piece itself when short, else its first words (`已发货 中通快递 784…` →
 * `已发货`); undefined when they are no status the vocabulary knows.
 */
export function statusWordsOf(piece: string): string | undefined {
  const text = piece.trim();
  if (!text || text.length > 60) return undefined;
  const words = wordsOf(text);
  return words && classifyWords(words)?.status ? words : undefined;
}

/**
 * Pieces that are status words, on whole pieces (`待发货`, `已发货，待签收`, `退款中`), or the value of a
 * status / after-sale label in the piece (`售后状态：退款中`). Pieces under other labels (`买家留言：…`,
 * `备注：…`) and long texts (titles, remarks) are not read: a remark saying 退款 is not a status.
 */
export function statusPieces(pieces: readonly string[]): StatusPiece[] {
  const out: StatusPiece[] = [];
  for (let index = 0; index < pieces.length; index += 1) {
    let text = pieces[index]!;
    if (text.length > 60) continue;
    let forced: 'order' | 'afterSale' | undefined;
    if (text.includes('：') || text.includes(':')) {
      const labelled = LABELLED.exec(text);
      if (labelled) {
        const kind = kindOfLabel(labelled[1]!);
        if (kind !== 'status' && kind !== 'afterSale') continue;
        forced = kind === 'status' ? 'order' : 'afterSale';
        text = labelled[2]!.trim();
      }
    }
    if (!text || text.length > STATUS_MAX || isPlaceholder(text)) continue;
    // a longer piece counts by its first words only (`等待买家付款 剩余 23小时59分`), so a title that
    // happens to contain 已发货 is not a status
    const words = wordsOf(text);
    const meaning = words ? classifyWords(words) : null;
    if (!words || !meaning) continue;
    const { status, afterSale } = meaning;
    // `已发货，退款成功` (拼多多) is the order's own composite status
    const composite = words.includes('，') || words.includes(',');
    const orderLevel =
      forced === 'order' || (forced === undefined && status !== null && ((status !== 'after_sale' && status !== 'refunded') || composite));
    out.push({ index, text: words, status, afterSale, orderLevel, trace: TRACE_WORDS.has(words) });
  }
  return out;
}

/**
 * The order's printed status among status pieces: the order-level words, when they all mean the same status
 * (logistics trace words count only when nothing else is printed). Conflicting words (`已关闭` beside
 * `超时未支付，订单关闭`) give `conflict`: the row prints a status, but which one is not told apart here.
 */
export function printedStatusIn(found: readonly StatusPiece[]): StatusPiece | 'conflict' | undefined {
  for (const traceAllowed of [false, true]) {
    let first: StatusPiece | undefined;
    for (const piece of found) {
      if (!piece.orderLevel || piece.status === null || piece.trace !== traceAllowed) continue;
      if (!first) first = piece;
      else if (first.status !== piece.status) return 'conflict';
    }
    if (first) return first;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- region

const SEGMENT_START = /[，,；;：:\s]/g;
const ADDRESS_GOES_ON = /^(?:$|[*＊]|[\u4e00-\u9fa5]{1,8}?(?:区|县|旗|市|镇|乡))/;
const CITY_LEVEL = /(?:市|自治州|地区|盟)$/;
const MUNICIPALITY_DISTRICT = /^(北京|上海|天津|重庆)市?[\u4e00-\u9fa5]{1,6}?(?:区|县)(?:$|[*＊]|[\u4e00-\u9fa5]{2,})/;

/**
 * Province/city of an address printed in a text (`测*，1**********，浙江省杭州市西湖区***` → `浙江省杭州市`),
 * via model/receiver-region (never the street). `strict` (no address label nearby): the region must be
 * printed as such and the address must go on like one (a district or a mask after the city), so that a
 * title such as `北京烤鸭礼盒` is not an address.
 */
export function regionIn(text: string, strict: boolean): string | undefined {
  if (!text || text.length > 300) return undefined;
  return strict ? strictRegion(text) : looseRegion(text);
}

const strictRegion = memoize((text: string) => findRegion(text, true));
const looseRegion = memoize((text: string) => findRegion(text, false));

/** A text with no province's first character cannot hold an address (checked before the regexes). */
const PROVINCE_FIRST = new Set(Array.from('北天上重河山辽吉黑江浙安福湖广海四贵云陕甘青台内西宁新香澳'));

function findRegion(text: string, strict: boolean): string | undefined {
  let any = false;
  for (const ch of text) if (PROVINCE_FIRST.has(ch)) any = true;
  if (!any) return undefined;
  const starts = [0];
  SEGMENT_START.lastIndex = 0;
  for (const m of text.matchAll(SEGMENT_START)) starts.push((m.index ?? 0) + 1);
  for (const start of starts) {
    const rest = text.slice(start).trimStart();
    if (!rest) continue;
    const region = receiverRegion(rest);
    if (!region) continue;
    if (strict) {
      // a municipality printed without 市 before its district (京东 `张**，北京朝阳区****`)
      const city = MUNICIPALITY_DISTRICT.exec(rest);
      if (city && `${city[1]}市` === region) return region;
      // the region is one spelling (no space between province and city): compared without the page's spaces
      const compact = rest.replace(/\s+/g, '');
      if (!compact.startsWith(region)) continue;
      const after = compact.slice(region.length);
      if (!(CITY_LEVEL.test(region) && ADDRESS_GOES_ON.test(after)) && !/^[*＊]{2,}/.test(after)) continue;
    }
    return region.slice(0, 80);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- order ids

const ID_TOKENS = /(?<![\dA-Za-z])\d[\d-]{4,30}\d(?![\dA-Za-z])/g;
const LABEL_AT_END = /([\u4e00-\u9fa5A-Za-z]{1,10})\s*[：:]?\s*$/;
const LABEL_ONLY_PIECE = /^[^：:\d]{1,12}[：:]$/;
/** A bare label piece naming another number (`商品ID`, `SKU`, `运单号`, `手机号`) printed before a number piece. */
const OTHER_NUMBER_LABEL = /^(?:商品|宝贝|货品|商家|sku|子订单|售后|退款|运单|物流|快递|支付|交易|流水|店铺|买家|用户|会员|手机|电话|联系|id)[^\d]{0,6}$/i;

/** A finder of whole order ids of a console's format (compiled once per pattern). */
const finders = new WeakMap<RegExp, RegExp>();

export function wholeIdPattern(pattern: RegExp): RegExp {
  let whole = finders.get(pattern);
  if (!whole) {
    whole = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''));
    finders.set(pattern, whole);
  }
  return whole;
}

/** The first digit(-dash) run of a text that is a whole order id of the console's format. */
export function orderIdIn(text: string, whole: RegExp): string | undefined {
  ID_TOKENS.lastIndex = 0;
  for (const m of text.matchAll(ID_TOKENS)) if (whole.test(m[0])) return m[0];
  return undefined;
}

/**
 * Order ids printed without their label (the label drawn by CSS, or missing): runs of the console's id
 * format that no other label claims (`商品ID：…`, `SKU：…`, `运单号：…`, `ID: …` are not order ids). Two
 * different ids in one row give nothing: the row element holds one order.
 */
export function unlabelledOrderId(pieces: readonly string[], whole: RegExp): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    if (piece.length > 300) continue;
    ID_TOKENS.lastIndex = 0;
    for (const m of piece.matchAll(ID_TOKENS)) {
      if (!whole.test(m[0])) continue;
      const start = m.index ?? 0;
      const before = piece.slice(0, start);
      const label = LABEL_AT_END.exec(before)?.[1];
      if (label && kindOfLabel(label) !== 'orderId') continue;
      if (start === 0 && i > 0) {
        const previous = pieces[i - 1]!;
        const previousKind = kindOfLabel(previous.replace(TRAILING_COLON, ''));
        if (previousKind ? previousKind !== 'orderId' : LABEL_ONLY_PIECE.test(previous) || OTHER_NUMBER_LABEL.test(previous)) continue;
      }
      if (found === undefined) found = m[0];
      else if (found !== m[0]) return undefined;
    }
  }
  return found;
}
