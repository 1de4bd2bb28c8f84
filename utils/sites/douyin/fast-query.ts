import { recordStrategy, type ParseDiagnostics } from '../../capture/diagnostics';
import type { SelectorEntry } from '../../capture/strategy';

/**
 * Selector chains resolved cheaply. A selector of the form `:scope > A > B > C` (child steps only, each a
 * compound of tag, `.class`, `[attr]`, `[attr="v"]`, `[attr*="v"]`) is resolved by stepping through
 * children, touching only the elements on the path; anything else goes to `querySelector`.
 *
 * Why: a descendant `querySelector` for a field near the end of an order row walks (and, in the browser,
 * wraps) most of the row; a dozen fields per row made reading a 500-row page cost many times a bare
 * textContent walk. Child paths for the layout the adapter knows, with descendant selectors as the
 * fallback entries of each chain, keep the known layout cheap and a shifted layout still readable.
 *
 * (Shared by the 抖店 and 京东 readers; it belongs in utils/capture once that is open for edits.)
 */

interface Compound {
  tag?: string;
  classes: RegExp[];
  attrs: { name: string; op?: '=' | '*='; value?: string }[];
}

const COMPOUND_PART = /([a-zA-Z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:(\*?=)"([^"]*)")?\]/gy;
const compiled = new Map<string, Compound[] | null>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function parseCompound(text: string): Compound | null {
  const compound: Compound = { classes: [], attrs: [] };
  COMPOUND_PART.lastIndex = 0;
  let consumed = 0;
  for (let match = COMPOUND_PART.exec(text); match; match = COMPOUND_PART.exec(text)) {
    consumed = COMPOUND_PART.lastIndex;
    if (match[1]) compound.tag = match[1].toLowerCase();
    else if (match[2]) compound.classes.push(new RegExp(`(?:^|\\s)${escapeRegExp(match[2])}(?:\\s|$)`));
    else compound.attrs.push({ name: match[3]!, op: match[4] as Compound['attrs'][number]['op'], value: match[5] });
    if (consumed === text.length) break;
  }
  return consumed === text.length && text.length > 0 ? compound : null;
}

/** `:scope > A > B` → its compounds, or null when the selector is not a plain child path. */
function childPath(selector: string): Compound[] | null {
  let path = compiled.get(selector);
  if (path !== undefined) return path;
  path = null;
  const steps = selector.split('>').map((step) => step.trim());
  if (steps[0] === ':scope' && steps.length > 1) {
    const compounds = steps.slice(1).map(parseCompound);
    if (compounds.every((c): c is Compound => c !== null)) path = compounds;
  }
  compiled.set(selector, path);
  return path;
}

/** An element child with its attributes read at most once per read. */
interface Child {
  el: Element;
  cls: string;
  attrs?: Map<string, string | null>;
}

/** The element children of one parent, enumerated lazily: a `first` lookup stops at its match. */
class Children {
  readonly list: Child[] = [];
  private next: Element | null;
  constructor(parent: ParentNode) {
    this.next = parent.firstElementChild;
  }
  at(index: number): Child | undefined {
    while (this.list.length <= index && this.next) {
      const el = this.next;
      this.list.push({ el, cls: el.getAttribute('class') ?? '' });
      this.next = el.nextElementSibling;
    }
    return this.list[index];
  }
}

// Children of the elements stepped through during one read: the fields of a row share path prefixes
// (`:scope > .card-body > …`), so each element's children are enumerated once per read. Only alive
// inside withQueryCache(): a cache kept across reads would go stale when the page re-renders.
let childCache: Map<ParentNode, Children> | null = null;

/** Runs one synchronous page read with the children cache on. */
export function withQueryCache<T>(read: () => T): T {
  const outer = childCache;
  childCache = outer ?? new Map();
  try {
    return read();
  } finally {
    childCache = outer;
  }
}

function childrenOf(parent: ParentNode): Children {
  let children = childCache?.get(parent);
  if (!children) {
    children = new Children(parent);
    childCache?.set(parent, children);
  }
  return children;
}

function attribute(child: Child, name: string): string | null {
  if (name === 'class') return child.cls;
  child.attrs ??= new Map();
  let value = child.attrs.get(name);
  if (value === undefined) {
    value = child.el.getAttribute(name);
    child.attrs.set(name, value);
  }
  return value;
}

function matches(child: Child, compound: Compound): boolean {
  for (const re of compound.classes) if (!re.test(child.cls)) return false;
  if (compound.tag && child.el.localName !== compound.tag) return false;
  for (const attr of compound.attrs) {
    const value = attribute(child, attr.name);
    if (value === null) return false;
    if (attr.op === '=' && value !== attr.value) return false;
    if (attr.op === '*=' && !value.includes(attr.value!)) return false;
  }
  return true;
}

function walkPath(root: ParentNode, path: Compound[], all: boolean): Element[] {
  let frontier: ParentNode[] = [root];
  for (let i = 0; i < path.length; i += 1) {
    const compound = path[i]!;
    const last = i === path.length - 1;
    const next: Element[] = [];
    for (const parent of frontier) {
      const children = childrenOf(parent);
      for (let index = 0, child = children.at(0); child; child = children.at(++index)) {
        if (!matches(child, compound)) continue;
        next.push(child.el);
        if (last && !all) return next;
      }
    }
    if (next.length === 0) return next;
    frontier = next;
  }
  return frontier as Element[];
}

/** First element matched by one selector. */
export function queryOne(root: ParentNode, selector: string): Element | null {
  const path = childPath(selector);
  return path ? (walkPath(root, path, false)[0] ?? null) : root.querySelector(selector);
}

/** All elements matched by one selector, in document order for child paths of one level of fan-out. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const path = childPath(selector);
  return path ? walkPath(root, path, true) : Array.from(root.querySelectorAll(selector));
}

/** First element matched by a chain (newest layout first); records the winning layout for `field`. */
export function pick(
  root: ParentNode | null | undefined,
  chain: readonly SelectorEntry[],
  diag?: ParseDiagnostics,
  field?: string,
): Element | null {
  if (root) {
    for (const entry of chain) {
      const found = queryOne(root, entry.selector);
      if (found) {
        if (diag && field) recordStrategy(diag, field, entry.layout);
        return found;
      }
    }
  }
  if (diag && field) recordStrategy(diag, field, 'none');
  return null;
}

/** All elements matched by the first entry of the chain that matches anything. */
export function pickAll(root: ParentNode | null | undefined, chain: readonly SelectorEntry[]): { elements: Element[]; layout: string } {
  if (root) {
    for (const entry of chain) {
      const found = queryAll(root, entry.selector);
      if (found.length > 0) return { elements: found, layout: entry.layout };
    }
  }
  return { elements: [], layout: 'none' };
}
