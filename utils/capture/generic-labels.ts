import { collapse, isPlaceholder } from './generic-cells';

/** A `label：value` pair printed on a page, in document order. */
export interface LabelValue {
  /** The label without spaces or colon (`订单号`). */
  label: string;
  value: string;
  /** The element holding the label (for scoping, e.g. to a package block). */
  element: Element;
}

const INLINE = /^([^：:]{1,12})[：:]\s*(.*)$/;

function nextText(node: ChildNode): string {
  for (let sibling = node.nextSibling; sibling; sibling = sibling.nextSibling) {
    const text = collapse(sibling.textContent);
    if (text) return text;
  }
  return '';
}

/** The text after a label whose own element holds nothing else: the next element beside it or beside an ancestor. */
function valueBeside(label: Element): string {
  let el: Element | null = label;
  for (let depth = 0; el && depth < 3; depth++, el = el.parentElement) {
    for (let sibling = el.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const text = collapse(sibling.textContent);
      if (text) return text;
    }
  }
  return '';
}

/**
 * Every `label：value` printed under `root`: `订单号：123` in one text, `<span>支付时间：</span><span>…</span>`,
 * antd-style descriptions (`<th>订单号</th><td>…</td>`, whose colon is drawn by CSS and so is not in the
 * text: those labels are recognised from `bareLabels`). One walk over the text nodes; no layout reads.
 */
export function readLabelValues(root: Element, bareLabels: ReadonlySet<string>): LabelValue[] {
  const found: LabelValue[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 300) continue;
    const text = collapse(raw);
    if (!text) continue;
    const element = node.parentElement;
    if (!element || element.tagName === 'SCRIPT' || element.tagName === 'STYLE') continue;
    let label: string;
    let value: string;
    const inline = text.match(INLINE);
    if (inline) {
      label = inline[1]!.replace(/\s+/g, '');
      value = inline[2] ?? '';
    } else if (bareLabels.has(text.replace(/\s+/g, ''))) {
      label = text.replace(/\s+/g, '');
      value = '';
    } else {
      // a known label joined to its value by a space (`订单号 2413…`: the colon drawn by CSS, the texts merged)
      const space = text.indexOf(' ');
      if (space <= 0 || !bareLabels.has(text.slice(0, space))) continue;
      label = text.slice(0, space);
      value = text.slice(space + 1).trim();
    }
    if (!value) value = nextText(node as ChildNode) || (element.childNodes.length === 1 ? valueBeside(element) : '');
    if (!value || isPlaceholder(value)) continue;
    found.push({ label, value: value.slice(0, 300), element });
  }
  return found;
}

/** The first value printed after any of `labels` (tried in order). */
export function valueOf(values: readonly LabelValue[], labels: readonly string[]): LabelValue | null {
  for (const label of labels) {
    const hit = values.find((entry) => entry.label === label);
    if (hit) return hit;
  }
  return null;
}

/** Every value printed after any of `labels`, in page order. */
export function valuesOf(values: readonly LabelValue[], labels: readonly string[]): LabelValue[] {
  return values.filter((entry) => labels.includes(entry.label));
}

const NEXT_LABEL = /[\u4e00-\u9fa5A-Za-z]{2,10}[：:]/;

/**
 * The raw text printed after `label：` in a one-line text, up to the next `label：` (`订单编号：220216-… 订单成交时间：…`
 * → `220216-…`). Null when none of the labels is printed; '' when a label is printed with nothing after it.
 */
export function segmentAfterLabel(text: string, labels: readonly string[]): string | null {
  for (const label of labels) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(label, from);
      if (at < 0) break;
      from = at + label.length;
      const rest = text.slice(from).match(/^\s*[：:]\s*/);
      if (!rest) continue;
      const value = text.slice(from + rest[0].length);
      const end = value.search(NEXT_LABEL);
      return (end < 0 ? value : value.slice(0, end)).trim();
    }
  }
  return null;
}
