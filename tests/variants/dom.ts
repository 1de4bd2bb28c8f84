/**
 * DOM helpers for the layout variants. Plain DOM only (no globals such as `Node` or `NodeFilter`), so the
 * transforms run on any Document: vitest's jsdom, or a JSDOM window in `scripts/variant.mjs`.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;

/** Never touched, never entered: their text is code or inert markup, not what the page prints. */
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

export const isElement = (node: Node | null | undefined): node is Element => !!node && node.nodeType === ELEMENT_NODE;
export const isText = (node: Node | null | undefined): node is Text => !!node && node.nodeType === TEXT_NODE;

/** Whitespace-collapsed, trimmed text. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
export const textOf = (node: Node) => squash(node.textContent);

const SHOW_ELEMENT = 1;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

function insideSkipped(node: Node, root: Node): boolean {
  for (let el = node.parentNode; el && el !== root; el = el.parentNode) {
    if (isElement(el) && SKIP_TAGS.has(el.tagName)) return true;
  }
  return false;
}

/** Text nodes under root (document order), outside script/style/template. */
export function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const out: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!insideSkipped(node, root)) out.push(node as Text);
  }
  return out;
}

/**
 * Elements under root in document order, outside script/style/template/svg (those not included either);
 * `enter(el)` false leaves out an element and everything inside it.
 */
export function elementsUnder(root: Node, enter?: (el: Element) => boolean): Element[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT, {
    acceptNode: (node: Node) => {
      const el = node as Element;
      if (SKIP_TAGS.has(el.tagName) || el.tagName === 'svg' || el.tagName === 'SVG') return FILTER_REJECT;
      return !enter || enter(el) ? FILTER_ACCEPT : FILTER_REJECT;
    },
  });
  const out: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Element);
  return out;
}

/** Deepest elements whose squashed text equals `text` (document order); only subtrees holding it are entered. */
export function elementsWithText(root: Node, text: string): Element[] {
  const target = squash(text);
  if (!target) return [];
  const holding = elementsUnder(root, (el) => squash(el.textContent).includes(target));
  return holding.filter((el) => textOf(el) === target && !Array.from(el.children).some((child) => textOf(child) === target));
}

/** The element siblings around an element, skipping whitespace-only text nodes; null when real text is in between. */
export function nextElementAcrossSpace(el: Node): Element | null {
  for (let node = el.nextSibling; node; node = node.nextSibling) {
    if (isElement(node)) return node;
    if (isText(node) && node.data.trim() === '') continue;
    return null;
  }
  return null;
}

export function previousElementAcrossSpace(el: Node): Element | null {
  for (let node = el.previousSibling; node; node = node.previousSibling) {
    if (isElement(node)) return node;
    if (isText(node) && node.data.trim() === '') continue;
    return null;
  }
  return null;
}

/** Strict money text: `¥89.90`, `￥ 12`, nothing else around it. Cents, or null. */
const MONEY = /^\s*([¥￥])\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/;
export function strictMoneyCents(text: string): number | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  return Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
}
export function splitMoney(text: string): { yen: string; int: string; frac: string } | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  return { yen: m[1] as string, int: m[2] as string, frac: m[3] === undefined ? '' : `.${m[3]}` };
}

export function formatYuan(cents: number): string {
  return `¥${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * For each expected order, the element that shows it and nothing of another order: from the first text that
 * prints its id, the highest ancestor (below body) whose text holds no other expected id. Missing ids are absent.
 */
export function orderScopes(doc: Document, orderIds: readonly string[]): Map<string, Element> {
  const scopes = new Map<string, Element>();
  if (orderIds.length === 0) return scopes;
  const body = doc.body;
  const texts = textNodes(body);
  const printing = new Map(orderIds.map((id) => [id, texts.filter((t) => t.data.includes(id))] as const));
  for (const id of orderIds) {
    const node = printing.get(id)?.[0];
    if (!node?.parentElement) continue;
    const others = orderIds.filter((other) => other !== id && !id.includes(other)).flatMap((other) => printing.get(other) ?? []);
    let scope: Element = node.parentElement;
    for (let up = scope.parentElement; up && up !== body; up = up.parentElement) {
      if (others.some((t) => up!.contains(t))) break;
      scope = up;
    }
    scopes.set(id, scope);
  }
  return scopes;
}

/** Rows of a table that belong to it (not to a nested table). */
export function ownRows(table: Element): Element[] {
  return Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
}

export const cellsOf = (tr: Element) => Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

const span = (cell: Element, attr: 'colspan' | 'rowspan') => Math.max(1, Number(cell.getAttribute(attr) ?? '1') || 1);

export interface GridCell {
  cell: Element;
  row: Element;
  col: number;
  colspan: number;
}

/**
 * The HTML table model over a table's own rows: each cell's first column, rowspans carried down.
 * `width` is the widest row.
 */
export function tableGrid(table: Element): { rows: { tr: Element; cells: GridCell[] }[]; width: number } {
  const taken: number[][] = [];
  const rows: { tr: Element; cells: GridCell[] }[] = [];
  let width = 0;
  ownRows(table).forEach((tr, r) => {
    const occupied = (taken[r] ??= []);
    const cells: GridCell[] = [];
    let col = 0;
    for (const cell of cellsOf(tr)) {
      while (occupied[col]) col++;
      const colspan = span(cell, 'colspan');
      const rowspan = span(cell, 'rowspan');
      for (let dr = 0; dr < rowspan; dr++) {
        const line = (taken[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) line[col + dc] = 1;
      }
      cells.push({ cell, row: tr, col, colspan });
      col += colspan;
      width = Math.max(width, col);
    }
    width = Math.max(width, occupied.length);
    rows.push({ tr, cells });
  });
  return { rows, width };
}
