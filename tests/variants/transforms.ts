/**
 * Seeded DOM transformations of a fixture page, each a plausible redesign of the console that keeps every
 * value the page prints (issue 11 item 3). They are independent and composable: a variant applies a subset in
 * the fixed order of TRANSFORMS, each with its own random stream derived from the variant seed, so a
 * transform does the same thing whichever others run with it.
 *
 * Only `waybill-status` / `waybill-cell` on list pages change what the page shows: list fixtures print no
 * waybill, so these add one (carrier name + a number in that carrier's format) to shipped rows and add the
 * shipment to the variant's expected orders.
 */
import { CARRIERS, type CarrierCode } from '@/utils/carriers/carriers';
import { CapturedOrderSchema, type CapturedOrder } from '@/utils/model/order';
import {
  elementsUnder,
  elementsWithText,
  formatYuan,
  isElement,
  isText,
  nextElementAcrossSpace,
  orderScopes,
  ownRows,
  previousElementAcrossSpace,
  splitMoney,
  squash,
  strictMoneyCents,
  tableGrid,
  textNodes,
  textOf,
} from './dom';
import { hashSeed, mulberry32, type Rng } from './prng';

export const TRANSFORM_NAMES = [
  'dates',
  'columns',
  'waybill-status',
  'waybill-cell',
  'money-note',
  'money-split',
  'label-split',
  'label-join',
  'unwrap',
  'wrap',
  'rehash',
  'rehash-kit',
] as const;
export type TransformName = (typeof TRANSFORM_NAMES)[number];

export interface VariantContext {
  doc: Document;
  platform: string;
  kind: 'list' | 'detail' | 'logistics';
  /** The orders the variant must still yield; a transform that changes what the page shows updates them. */
  expected: CapturedOrder[];
  /** Nodes created by an earlier transform of this variant (later ones leave their text alone). */
  created: WeakSet<Node>;
  /** Waybills already moved or added by a waybill transform. */
  waybillsDone: Set<string>;
  /** rehash: original class → new class, one per variant. */
  classMap: Map<string, string>;
}

export interface Applied {
  name: TransformName;
  /** How many places changed (0: the transform found nothing to do on this page). */
  edits: number;
  /** Short human notes (what was chosen), printed with a failing variant. */
  notes: string[];
}

interface Transform {
  name: TransformName;
  apply(ctx: VariantContext, rng: Rng, notes: string[]): number;
}

/** Order scopes, found once per variant (transforms only add inside them or replace leaves). */
const scopeCache = new WeakMap<VariantContext, Map<string, Element>>();
function scopesOf(ctx: VariantContext): Map<string, Element> {
  let scopes = scopeCache.get(ctx);
  if (!scopes || [...scopes.values()].some((scope) => !scope.isConnected)) {
    scopes = orderScopes(ctx.doc, ctx.expected.map((o) => o.orderId));
    scopeCache.set(ctx, scopes);
  }
  return scopes;
}

const el = (doc: Document, tag: string, text?: string) => {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
};
const INLINE = new Set(['SPAN', 'A', 'B', 'I', 'EM', 'STRONG', 'SMALL', 'LABEL', 'IMG', 'BUTTON', 'INPUT', 'CODE', 'DEL', 'INS', 'SUB', 'SUP', 'FONT']);
const blockOrInline = (near: Element) => (INLINE.has(near.tagName) ? 'span' : 'div');
const STRUCTURAL = new Set(['HTML', 'HEAD', 'BODY', 'TR', 'TD', 'TH', 'THEAD', 'TBODY', 'TFOOT', 'COL', 'COLGROUP', 'CAPTION', 'LI', 'DT', 'DD', 'OPTION', 'OPTGROUP', 'TABLE']);
const STRUCTURAL_PARENT = new Set(['TR', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'COLGROUP', 'UL', 'OL', 'DL', 'SELECT', 'HEAD', 'HTML']);

// ───────────────────────────────────────────────────────────── dates ──

const DATE_TIME = /(?<!\d)(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?=[ T\u00a0]+\d{1,2}:\d{2})/g;

const dates: Transform = {
  name: 'dates',
  apply(ctx, rng, notes) {
    const texts = textNodes(ctx.doc.body).filter((t) => { DATE_TIME.lastIndex = 0; return DATE_TIME.test(t.data); });
    const modes = ['flip', 'slash', 'dash'] as const;
    let mode: (typeof modes)[number] = rng.pick(modes);
    const convert = (data: string, m: typeof mode) =>
      data.replace(DATE_TIME, (_all, y: string, sep: string, mo: string, d: string) => {
        const to = m === 'flip' ? (sep === '-' ? '/' : '-') : m === 'slash' ? '/' : '-';
        return `${y}${to}${mo}${to}${d}`;
      });
    if (mode !== 'flip' && texts.every((t) => convert(t.data, mode) === t.data)) mode = 'flip';
    let edits = 0;
    for (const t of texts) {
      const next = convert(t.data, mode);
      if (next !== t.data) { t.data = next; edits++; }
    }
    notes.push(`mode ${mode}`);
    return edits;
  },
};

// ─────────────────────────────────────────────────────────── waybills ──

const WAYBILL_LABEL = /^(?:运单号|运单编号|快递单号|物流单号|快递单|物流编号)\s*[：:]?$/;
const CARRIER_LABEL = /^(?:物流公司|快递公司|承运人|承运商|配送方式|快递|物流)\s*[：:]?$/;
const COPY = /复制/g;

/** The highest ancestor of `leaf` whose text is only `value` plus labels matching `label` (and 复制 links). */
function valueUnit(leaf: Element, value: string, label: RegExp, stop: Element): Element {
  let unit = leaf;
  for (let up = leaf.parentElement; up && up !== stop && up !== up.ownerDocument.body; up = up.parentElement) {
    const rest = squash((up.textContent ?? '').replace(COPY, ' ').replace(value, ' '));
    if (rest !== '' && !label.test(rest)) break;
    unit = up;
  }
  return unit;
}

const CARRIER_POOL: Record<string, CarrierCode[]> = {
  jd: ['jd', 'jd', 'sf'],
  default: ['zto', 'yunda', 'yto', 'sto', 'jt', 'sf'],
};

function digits(rng: Rng, n: number) {
  return rng.string(n, '0123456789');
}

/** A number in the carrier's waybill format (utils/carriers/waybill-formats.ts). */
function waybillFor(code: CarrierCode, rng: Rng): string {
  switch (code) {
    case 'sf': return `SF${digits(rng, 13)}`;
    case 'jd': return `JDV${rng.pick(['A', 'B', 'C'])}${digits(rng, 11)}`;
    case 'yto': return `YT${digits(rng, 13)}`;
    case 'jt': return `JT${digits(rng, 13)}`;
    case 'zto': return `7${rng.pick(['3', '5', '8'])}${digits(rng, 12)}`;
    case 'sto': return `77${digits(rng, 13)}`;
    case 'yunda': return `4${digits(rng, 14)}`;
    default: return `${digits(rng, 14)}`;
  }
}

const printed = (carrier: string, no: string, rng: Rng) => `${carrier}${rng.pick([' ', '：', ' ', '：', ': '])}${no}`;

const SHIPPED = new Set(['shipped', 'delivered', 'completed']);

function addShipment(ctx: VariantContext, index: number, waybillNo: string, carrierName: string) {
  const order = ctx.expected[index] as CapturedOrder;
  ctx.expected[index] = CapturedOrderSchema.parse({
    ...order,
    shipments: [...order.shipments, { waybillNo, carrierName, events: [] }],
  });
}

/** The status text of an order inside its scope (deepest element printing exactly statusText). */
function statusElement(scope: ParentNode, order: CapturedOrder): Element | undefined {
  return order.statusText ? elementsWithText(scope, order.statusText)[0] : undefined;
}

/**
 * The cell that holds the status: from the status text, up while the parent shows nothing of the order's
 * other values (id, amount, buyer, item titles); never above a table cell.
 */
function statusCell(status: Element, scope: Element, order: CapturedOrder): Element {
  const others = [order.orderId, order.buyer, order.amountCents !== undefined ? formatYuan(order.amountCents).slice(1) : undefined, ...order.items.map((i) => i.title)]
    .filter((v): v is string => !!v);
  let cell = status;
  while (cell.tagName !== 'TD' && cell.tagName !== 'TH') {
    const up = cell.parentElement;
    if (!up || up === scope || up.tagName === 'TR') break;
    const text = up.textContent ?? '';
    if (others.some((v) => text.includes(v))) break;
    cell = up;
  }
  return cell;
}

/** Detail pages: a printed waybill with its carrier, found by value. */
interface PrintedWaybill {
  no: string;
  carrier: string;
  unit: Element;
  carrierUnit?: Element;
}

function printedWaybills(ctx: VariantContext): PrintedWaybill[] {
  const all = ctx.expected.flatMap((o) => o.shipments.map((s) => s.waybillNo));
  const out: PrintedWaybill[] = [];
  for (const order of ctx.expected) {
    for (const shipment of order.shipments) {
      if (!shipment.carrierName || ctx.waybillsDone.has(shipment.waybillNo)) continue;
      const leaf = elementsWithText(ctx.doc.body, shipment.waybillNo).find((e) => !ctx.created.has(e))
        ?? elementsUnder(ctx.doc.body, (e) => (e.textContent ?? '').includes(shipment.waybillNo)).find((e) => e.children.length === 0 && !ctx.created.has(e));
      if (!leaf) continue;
      const unit = valueUnit(leaf, shipment.waybillNo, WAYBILL_LABEL, ctx.doc.body);
      // the carrier printed nearest to the number, within the block of this package only
      let carrierUnit: Element | undefined;
      for (let block = unit.parentElement; block && block !== ctx.doc.body && !carrierUnit; block = block.parentElement) {
        const text = block.textContent ?? '';
        if (all.some((no) => no !== shipment.waybillNo && text.includes(no))) break;
        const name = shipment.carrierName;
        const carrierLeaf = elementsUnder(block).find(
          (e) => e.children.length === 0 && squash(e.textContent).replace(/^.*?[：:]\s*/, '') === name && !unit.contains(e),
        );
        if (carrierLeaf) carrierUnit = valueUnit(carrierLeaf, name, CARRIER_LABEL, block);
      }
      out.push({ no: shipment.waybillNo, carrier: shipment.carrierName, unit, carrierUnit });
    }
  }
  return out;
}

function replaceUnit(ctx: VariantContext, wb: PrintedWaybill, text: string): Element {
  const tag = wb.unit.tagName === 'TD' ? 'td' : blockOrInline(wb.unit);
  const cell = el(ctx.doc, tag, text);
  ctx.created.add(cell);
  wb.unit.replaceWith(cell);
  wb.carrierUnit?.remove();
  ctx.waybillsDone.add(wb.no);
  return cell;
}

const waybillStatus: Transform = {
  name: 'waybill-status',
  apply(ctx, rng, notes) {
    if (ctx.kind === 'detail') {
      // a waybill printed beside the order status: only unambiguous with one package on the page
      const waybills = printedWaybills(ctx);
      const order = ctx.expected[0];
      if (waybills.length !== 1 || ctx.expected.length !== 1 || !order) return 0;
      const status = statusElement(ctx.doc.body, order);
      const wb = waybills[0] as PrintedWaybill;
      if (!status || wb.unit.contains(status)) return 0;
      const text = printed(wb.carrier, wb.no, rng);
      wb.unit.remove();
      wb.carrierUnit?.remove();
      const line = el(ctx.doc, blockOrInline(status), text);
      ctx.created.add(line);
      status.after(line);
      ctx.waybillsDone.add(wb.no);
      notes.push(`moved "${text}" beside the status`);
      return 1;
    }
    return addListWaybills(ctx, rng, notes, 'status');
  },
};

const waybillCell: Transform = {
  name: 'waybill-cell',
  apply(ctx, rng, notes) {
    if (ctx.kind === 'detail') {
      let edits = 0;
      for (const wb of printedWaybills(ctx)) {
        const text = printed(wb.carrier, wb.no, rng);
        replaceUnit(ctx, wb, text);
        notes.push(`"${text}" in its own element`);
        edits++;
      }
      return edits;
    }
    return addListWaybills(ctx, rng, notes, 'cell');
  },
};

function addListWaybills(ctx: VariantContext, rng: Rng, notes: string[], where: 'status' | 'cell'): number {
  const scopes = scopesOf(ctx);
  const candidates = ctx.expected
    .map((order, index) => ({ order, index }))
    .filter(({ order }) => order.status && SHIPPED.has(order.status) && order.shipments.length === 0 && !ctx.waybillsDone.has(order.orderId));
  // about three in four shipped rows get a waybill, at least one
  const chosen = candidates.filter(() => rng.chance(0.75));
  if (chosen.length === 0 && candidates.length > 0) chosen.push(rng.pick(candidates));
  let edits = 0;
  chosen.forEach(({ order, index }) => {
    const scope = scopes.get(order.orderId);
    const status = scope && statusElement(scope, order);
    if (!scope || !status) return;
    const code = rng.pick(CARRIER_POOL[ctx.platform] ?? CARRIER_POOL.default!);
    const carrier = CARRIERS.find((c) => c.code === code)!;
    const no = waybillFor(code, rng);
    const text = printed(carrier.nameZh, no, rng);
    let line: Element;
    if (where === 'status') {
      line = el(ctx.doc, blockOrInline(status), text);
      status.after(line);
    } else {
      const cell = statusCell(status, scope, order);
      if (cell.tagName === 'TD' || cell.tagName === 'TH') {
        line = el(ctx.doc, 'div', text);
        cell.append(line);
      } else {
        line = el(ctx.doc, cell.tagName.toLowerCase(), text);
        cell.after(line);
      }
    }
    ctx.created.add(line);
    ctx.waybillsDone.add(order.orderId);
    addShipment(ctx, index, no, carrier.nameZh);
    notes.push(`${order.orderId}: added "${text}" ${where === 'status' ? 'in the status cell' : 'in a logistics cell'}`);
    edits++;
  });
  return edits;
}

// ────────────────────────────────────────────────────────────── money ──

const NOTES: ((yuan: string) => string)[] = [
  (y) => `含运费${y}`,
  (y) => `(含运费${y})`,
  (y) => `(优惠${y})`,
  (y) => `优惠${y}`,
  (y) => `运费：${y}`,
  (y) => `(运费${y})`,
];

const moneyNote: Transform = {
  name: 'money-note',
  apply(ctx, rng, notes) {
    const scopes = ctx.kind === 'list' ? scopesOf(ctx) : new Map<string, Element>();
    let edits = 0;
    for (const order of ctx.expected) {
      if (order.amountCents === undefined) continue;
      const scope = ctx.kind === 'list' ? scopes.get(order.orderId) : ctx.doc.body;
      if (!scope) continue;
      // the deepest elements printing exactly the amount (`¥89.90`, or already split: `<span>¥</span><span>89.90</span>`)
      const digits = formatYuan(order.amountCents).slice(1);
      const amounts = elementsUnder(scope, (e) => (e.textContent ?? '').includes(digits)).filter(
        (e) => strictMoneyCents(textOf(e)) === order.amountCents && !Array.from(e.children).some((k) => textOf(k) === textOf(e)) && !ctx.created.has(e),
      );
      const amount = amounts[amounts.length - 1];
      // one match that is also an item's unit price: which of the two it is cannot be told by value
      const isPrice = order.items.some((item) => item.unitPriceCents === order.amountCents);
      if (!amount || (amounts.length === 1 && isPrice) || !amount.parentElement) continue;
      let noteCents = rng.pick([0, 0, 500, 800, 1000, 1250, 300]);
      if (noteCents === order.amountCents) noteCents += 100;
      const text = rng.pick(NOTES)(formatYuan(noteCents));
      const inside = rng.chance(0.5) && amount.tagName !== 'TD' ? 'inside' : 'after';
      const shown = textOf(amount);
      const note = el(ctx.doc, inside === 'inside' ? 'span' : blockOrInline(amount), text);
      ctx.created.add(note);
      if (amount.tagName === 'TD' || inside === 'inside') amount.append(note);
      else amount.after(note);
      notes.push(`${order.orderId}: "${shown}" + "${text}" ${amount.tagName === 'TD' ? 'in the cell' : inside}`);
      edits++;
    }
    return edits;
  },
};

const moneySplit: Transform = {
  name: 'money-split',
  apply(ctx, rng, notes) {
    const style = rng.pick(['three', 'two', 'mixed'] as const);
    notes.push(`style ${style}`);
    let edits = 0;
    for (const t of textNodes(ctx.doc.body)) {
      const parts = splitMoney(t.data);
      if (!parts || ctx.created.has(t) || !rng.chance(0.7)) continue;
      const doc = ctx.doc;
      const nodes: Node[] =
        style === 'three'
          ? [el(doc, 'span', parts.yen), el(doc, 'span', parts.int), ...(parts.frac ? [el(doc, 'span', parts.frac)] : [])]
          : style === 'two'
            ? [el(doc, 'span', parts.yen), el(doc, 'span', parts.int + parts.frac)]
            : [el(doc, 'small', parts.yen), doc.createTextNode(parts.int), ...(parts.frac ? [el(doc, 'small', parts.frac)] : [])];
      for (const node of nodes) ctx.created.add(node);
      t.replaceWith(...nodes);
      edits++;
    }
    return edits;
  },
};

// ───────────────────────────────────────────────────────────── labels ──

/** Labels of order fields (not of item attributes such as 颜色/尺码, whose text is a value of its own). */
const LABELS = [
  '订单编号', '订单号', '订单成交时间', '下单时间', '创建时间', '成交时间', '付款时间', '支付时间', '发货时间', '签收时间',
  '完成时间', '承诺发货时间', '承诺出库时间', '实付金额', '实付款', '实收款', '实付', '应付总额', '应付金额', '应收金额',
  '商品总价', '商品总额', '运费', '支付方式', '付款方式', '买家昵称', '抖音昵称', '快手昵称', '买家账号', '买家', '收货人',
  '收货地址', '收货信息', '运单号', '快递单号', '物流单号', '物流公司', '快递公司', '承运人', '订单状态', '交易状态', '订单来源',
].sort((a, b) => b.length - a.length);
const LABEL_ALT = LABELS.join('|');
const ONE_TEXT = new RegExp(`^(\\s*)(${LABEL_ALT})(\\s*[：:]\\s*)(\\S.*?)(\\s*)$`);
const LABEL_ONLY = new RegExp(`^(${LABEL_ALT})\\s*([：:]?)$`);
const COLON_ONLY = /^[：:]$/;
const NO_JOIN = new Set(['TD', 'TH', 'DT', 'DD', 'TR', 'LI', 'OPTION', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

const labelSplit: Transform = {
  name: 'label-split',
  apply(ctx, rng, notes) {
    let edits = 0;
    const keepColon = rng.chance(0.5);
    for (const t of textNodes(ctx.doc.body)) {
      const m = ONE_TEXT.exec(t.data);
      if (!m || ctx.created.has(t) || !t.parentElement || !rng.chance(0.8)) continue;
      const [, , label, colon, value] = m as unknown as [string, string, string, string, string];
      if (/^[：:]/.test(value)) continue;
      const labelEl = el(ctx.doc, 'span', keepColon ? `${label}${colon.trim()}` : label);
      const valueEl = el(ctx.doc, 'span', value);
      ctx.created.add(labelEl).add(valueEl);
      t.replaceWith(labelEl, valueEl);
      edits++;
    }
    notes.push(keepColon ? 'label keeps its colon' : 'label without colon');
    return edits;
  },
};

const labelJoin: Transform = {
  name: 'label-join',
  apply(ctx, rng, notes) {
    let edits = 0;
    const sep = rng.pick(['：', ':', ' ', '： ']);
    notes.push(`separator "${sep}"`);
    const doc = ctx.doc;
    // a label element, an optional colon element, a value element
    for (const label of elementsUnder(doc.body)) {
      if (!label.isConnected || label.children.length > 0 || NO_JOIN.has(label.tagName) || ctx.created.has(label)) continue;
      const m = LABEL_ONLY.exec(textOf(label));
      if (!m) continue;
      let value = nextElementAcrossSpace(label);
      let colon: Element | null = null;
      if (value && value.children.length === 0 && COLON_ONLY.test(textOf(value))) {
        colon = value;
        value = nextElementAcrossSpace(value);
      }
      if (!value || NO_JOIN.has(value.tagName) || ctx.created.has(value)) continue;
      const first = value.firstChild;
      const valueText = value.children.length === 0 ? textOf(value) : isText(first) ? squash(first.data) : '';
      if (!valueText || LABEL_ONLY.test(valueText) || !rng.chance(0.8)) continue;
      const joined = el(doc, blockOrInline(label), `${m[1]}${sep}${valueText}`);
      ctx.created.add(joined);
      label.replaceWith(joined);
      colon?.remove();
      if (value.children.length === 0) value.remove();
      else (first as Text).remove();
      edits++;
    }
    // a label text node followed by its value element: `订单号：<span>123</span>` → `订单号：123`
    for (const t of textNodes(doc.body)) {
      const m = LABEL_ONLY.exec(squash(t.data));
      if (!m || ctx.created.has(t) || !t.parentElement) continue;
      const value = t.nextSibling;
      if (!isElement(value) || value.children.length > 0 || NO_JOIN.has(value.tagName) || ctx.created.has(value)) continue;
      const valueText = textOf(value);
      if (!valueText || !rng.chance(0.8)) continue;
      t.data = `${m[1]}${sep}${valueText}`;
      ctx.created.add(t);
      value.remove();
      edits++;
    }
    return edits;
  },
};

// ──────────────────────────────────────────────────────────── columns ──

/** Words of a column header (商品, 单价/数量, 实付金额, 订单状态, 操作 …). */
const COLUMN_WORD = /商品|宝贝|单价|数量|金额|实付|实收|应收|应付|状态|操作|买家|收货|售后|价格|小计|优惠|评价|订单号/;

function permutation(rng: Rng, n: number): number[] {
  for (let tries = 0; tries < 10; tries++) {
    const p = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    if (p.some((v, i) => v !== i)) return p;
  }
  return Array.from({ length: n }, (_, i) => (i + 1) % n);
}

/** A header row of a real table: ≥ 3 th cells, one column each, short names. */
function isHeaderRow(tr: Element): boolean {
  const cells = Array.from(tr.children);
  if (cells.length < 3 || cells.some((c) => c.tagName !== 'TH')) return false;
  if (cells.some((c) => c.hasAttribute('colspan') && c.getAttribute('colspan') !== '1')) return false;
  const names = cells.map(textOf);
  return names.every((n) => n.length <= 12) && names.filter((n) => COLUMN_WORD.test(n)).length >= 2;
}

/** Reorders the cells of `rows` of one table: `order[newIndex] = oldIndex`; full-width rows stay. */
function permuteTable(table: Element, grid: ReturnType<typeof tableGrid>, width: number, order: number[]): boolean {
  const newIndex = new Map(order.map((old, i) => [old, i] as const));
  const plans: { tr: Element; cells: Element[] }[] = [];
  for (const { tr, cells } of grid.rows) {
    if (cells.length === 1 && cells[0]!.colspan >= width) continue;
    if (cells.some((c) => c.colspan !== 1)) return false;
    const sorted = [...cells].sort((a, b) => newIndex.get(a.col)! - newIndex.get(b.col)!);
    plans.push({ tr, cells: sorted.map((c) => c.cell) });
  }
  for (const { tr, cells } of plans) {
    for (const cell of cells) tr.append(cell);
  }
  for (const { cells } of grid.rows) {
    for (const c of cells) {
      if (c.cell.hasAttribute('data-next-table-col') && c.colspan === 1) {
        c.cell.setAttribute('data-next-table-col', String(newIndex.get(c.col)));
      }
    }
  }
  for (const group of Array.from(table.querySelectorAll('colgroup')).filter((g) => g.closest('table') === table)) {
    const cols = Array.from(group.children);
    if (cols.length === width) for (const old of order) group.append(cols[old]!);
  }
  return true;
}

function tableColumns(ctx: VariantContext, rng: Rng, notes: string[]): number {
  let edits = 0;
  const done = new Set<Element>();
  const tables: Element[] = Array.from(ctx.doc.body.querySelectorAll('table'));
  const widths = new Map(tables.map((t) => [t, tableGrid(t)] as const));
  const headed = new Map(tables.map((t) => [t, ownRows(t).find(isHeaderRow)] as const));
  for (const table of tables) {
    if (done.has(table)) continue;
    const header = headed.get(table);
    if (!header) continue;
    const width = header.children.length;
    const grid = widths.get(table)!;
    const hasData = grid.rows.some((r) => r.tr !== header && r.cells.length > 1);
    let group: Element[] = [table];
    if (!hasData) {
      // header-only table (the consoles' fixed header): the body tables beside it share its columns
      for (let up = table.parentElement; up && up !== ctx.doc.body; up = up.parentElement) {
        const around = Array.from(up.querySelectorAll('table')).filter(
          (t) => t !== table && !done.has(t) && (table.compareDocumentPosition(t) & 4) !== 0 && widths.get(t)?.width === width && !headed.get(t),
        );
        if (around.length > 0) { group = [table, ...around]; break; }
      }
      if (group.length === 1) continue;
    }
    const order = permutation(rng, width);
    const names = Array.from(header.children).map(textOf);
    // validate first: a partial colspan anywhere means the columns cannot move consistently
    const ok = group.every((t) => widths.get(t)!.rows.every(({ cells }) => (cells.length === 1 && cells[0]!.colspan >= width) || cells.every((c) => c.colspan === 1)));
    if (!ok) continue;
    for (const t of group) { permuteTable(t, widths.get(t)!, width, order); done.add(t); }
    notes.push(`table [${names.join('|')}] → [${order.map((i) => names[i]).join('|')}] over ${group.length} table(s)`);
    edits++;
  }
  return edits;
}

/** Div grids: a header row of short column names and rows with one child per column (right-aligned if fewer). */
function divColumns(ctx: VariantContext, rng: Rng, notes: string[]): number {
  if (ctx.expected.length === 0) return 0;
  const scopes = scopesOf(ctx);
  // per order, from its status text up: the ancestors whose children split status and amount apart
  const chains = ctx.expected.flatMap((order) => {
    const scope = scopes.get(order.orderId);
    const status = scope && statusElement(scope, order);
    if (!scope || !status || order.amountCents === undefined) return [];
    const money = formatYuan(order.amountCents);
    const chain: Element[] = [];
    for (let row: Element | null = status.parentElement; row; row = row === scope ? null : row.parentElement) {
      const kids = Array.from(row.children);
      if (row.tagName === 'TR' || row.closest('table')) break;
      if (kids.length < 3 || Array.from(row.childNodes).some((n) => isText(n) && n.data.trim() !== '')) continue;
      const statusAt = kids.findIndex((k) => k.contains(status));
      const moneyAt = kids.findIndex((k) => textOf(k).replace(/\s/g, '').includes(money));
      if (moneyAt >= 0 && moneyAt !== statusAt) chain.push(row);
    }
    return [chain];
  });
  let edits = 0;
  for (const header of elementsUnder(ctx.doc.body, (e) => e.tagName !== 'TABLE')) {
    if (header.childElementCount < 3) continue;
    const cells = Array.from(header.children);
    if (cells.length < 3 || cells.some((c) => c.children.length > 1)) continue;
    const names = cells.map(textOf);
    // an ARIA grid names its header cells; otherwise short column words without digits (not tabs with counts)
    const aria = header.getAttribute('role') === 'row' && cells.every((c) => c.getAttribute('role') === 'columnheader');
    if (!aria && names.some((n) => n.length === 0 || n.length > 12 || /\d/.test(n))) continue;
    if (!aria && (names.filter((n) => COLUMN_WORD.test(n)).length < 2 || new Set(names).size !== names.length)) continue;
    const width = cells.length;
    // the row element in each order: the deepest such ancestor with no more children than header cells
    const rows: Element[] = [];
    for (const chain of chains) {
      const row = chain.find((r) => r.children.length <= width);
      if (row && (header.compareDocumentPosition(row) & 4) !== 0) rows.push(row);
    }
    if (rows.length === 0) continue;
    const m = rows[0]!.children.length;
    if (rows.some((r) => r.children.length !== m || r.tagName !== rows[0]!.tagName)) continue;
    // rows of the same kind that no expected order claims (rows the reader skips) move too
    const cls = rows[0]!.getAttribute('class');
    if (cls) {
      for (const other of Array.from(ctx.doc.body.getElementsByClassName(cls.trim().split(/\s+/)[0]!))) {
        if (!rows.includes(other) && other.getAttribute('class') === cls && other.children.length === m) rows.push(other);
      }
    }
    // with fewer row children than headers, the first child spans the first columns: map from the right
    const mapped = m === width ? width : m - 1;
    const offsetHeader = width - mapped;
    const offsetRow = m - mapped;
    const order = permutation(rng, mapped);
    const reorder = (parent: Element, offset: number) => {
      const kids = Array.from(parent.children);
      const tail = kids.slice(offset + mapped);
      for (const i of order) parent.append(kids[offset + i]!);
      for (const k of tail) parent.append(k);
    };
    reorder(header, offsetHeader);
    for (const row of rows) reorder(row, offsetRow);
    notes.push(`div grid [${names.join('|')}]: last ${mapped} columns → [${order.map((i) => names[offsetHeader + i]).join('|')}] in ${rows.length} row(s)`);
    edits++;
  }
  return edits;
}

const columns: Transform = {
  name: 'columns',
  apply(ctx, rng, notes) {
    return tableColumns(ctx, rng, notes) + divColumns(ctx, rng, notes);
  },
};

// ─────────────────────────────────────────────────────────── wrappers ──

const wrap: Transform = {
  name: 'wrap',
  apply(ctx, rng, notes) {
    const p = rng.pick([0.05, 0.1, 0.2]);
    notes.push(`p ${p}`);
    let edits = 0;
    for (const target of elementsUnder(ctx.doc.body)) {
      if (STRUCTURAL.has(target.tagName) || !target.parentElement || STRUCTURAL_PARENT.has(target.parentElement.tagName)) continue;
      if (!rng.chance(p)) continue;
      const depth = rng.chance(0.25) ? 2 : 1;
      let inner: Element = target;
      // a div inside a <p> or an inline element would not survive a round trip through HTML: span there
      const parent = target.parentElement;
      const tag = parent.tagName === 'P' || /^H[1-6]$/.test(parent.tagName) || INLINE.has(parent.tagName) ? 'span' : blockOrInline(target);
      for (let d = 0; d < depth; d++) {
        const wrapper = ctx.doc.createElement(tag);
        inner.replaceWith(wrapper);
        wrapper.append(inner);
        inner = wrapper;
      }
      edits++;
    }
    return edits;
  },
};

const UNWRAPPABLE_ATTR = /^(?:class|style|data-v-[\w-]+)$/;
const unwrap: Transform = {
  name: 'unwrap',
  apply(ctx, rng, notes) {
    const p = rng.pick([0.3, 0.6, 1]);
    notes.push(`p ${p}`);
    let edits = 0;
    for (const outer of Array.from(ctx.doc.body.querySelectorAll('div, span'))) {
      if (!outer.isConnected || !outer.parentElement) continue;
      if (Array.from(outer.attributes).some((a) => !UNWRAPPABLE_ATTR.test(a.name))) continue;
      const nodes = Array.from(outer.childNodes).filter((n) => !(isText(n) && n.data.trim() === ''));
      const only = nodes[0];
      if (nodes.length !== 1 || !isElement(only) || STRUCTURAL.has(only.tagName)) continue;
      if (!rng.chance(p)) continue;
      outer.replaceWith(only);
      edits++;
    }
    return edits;
  },
};

// ───────────────────────────────────────────────────────────── rehash ──

/** Classes of the UI kits (antd, auxo, element/jd, Fusion next, beast-core `_4-103-1`) and state classes. */
const KIT = /^(?:ant|auxo|el|jd|next|anticon|sp|is|has|qn)(?:-|$)|_\d+-\d+-\d+$|^(?:first|last|active|disabled)$/;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = `${LOWER}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`;

type Scheme = 'css-modules' | 'umi' | 'emotion' | 'styled' | 'vue';

function freshName(rng: Rng, scheme: Scheme): string {
  const word = () => rng.string(1, LOWER) + rng.string(rng.int(1, 5), ALNUM);
  switch (scheme) {
    case 'css-modules': return `${word()}_${word()}__${rng.string(5, ALNUM)}`;
    case 'umi': return `${word()}___${rng.string(5, ALNUM)}`;
    case 'emotion': return `css-${rng.string(6, '0123456789abcdefghijklmnopqrstuvwxyz')}`;
    case 'styled': return `sc-${rng.string(6, LOWER)}`;
    case 'vue': return `${word()}-${word()}`.toLowerCase();
  }
}

function rehashWith(ctx: VariantContext, rng: Rng, notes: string[], kit: boolean): number {
  const scheme = rng.pick(['css-modules', 'umi', 'emotion', 'styled', 'vue'] as const);
  notes.push(`scheme ${scheme}${kit ? ', kit classes too' : ''}`);
  const used = new Set<string>();
  const rename = (cls: string) => {
    let next = ctx.classMap.get(cls);
    if (!next) {
      do next = freshName(rng, scheme); while (used.has(next));
      used.add(next);
      ctx.classMap.set(cls, next);
    }
    return next;
  };
  let edits = 0;
  for (const node of Array.from(ctx.doc.querySelectorAll('[class]'))) {
    const before = (node.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
    const after = before.map((cls) => (!kit && KIT.test(cls) ? cls : rename(cls)));
    if (after.join(' ') !== before.join(' ')) {
      node.setAttribute('class', after.join(' '));
      edits++;
    }
  }
  return edits;
}

const rehash: Transform = { name: 'rehash', apply: (ctx, rng, notes) => rehashWith(ctx, rng, notes, false) };
const rehashKit: Transform = { name: 'rehash-kit', apply: (ctx, rng, notes) => rehashWith(ctx, rng, notes, true) };

// ───────────────────────────────────────────────────────────── registry ──

const ALL: Record<TransformName, Transform> = {
  dates,
  'waybill-status': waybillStatus,
  'waybill-cell': waybillCell,
  'money-note': moneyNote,
  'money-split': moneySplit,
  'label-split': labelSplit,
  'label-join': labelJoin,
  columns,
  unwrap,
  wrap,
  rehash,
  'rehash-kit': rehashKit,
};

/** Applies the named transforms in the canonical order; each draws from its own stream of `seed`. */
export function applyTransforms(ctx: VariantContext, seed: number, names: readonly TransformName[]): Applied[] {
  const wanted = new Set(names);
  // rehash-kit renames every class already: running rehash as well would only rename twice
  if (wanted.has('rehash-kit')) wanted.delete('rehash');
  const applied: Applied[] = [];
  for (const name of TRANSFORM_NAMES) {
    if (!wanted.has(name)) continue;
    const notes: string[] = [];
    const edits = ALL[name].apply(ctx, mulberry32(hashSeed(seed, name)), notes);
    applied.push({ name, edits, notes });
  }
  return applied;
}
