import { recordStrategy, type ParseDiagnostics } from './diagnostics';
import type { Tally } from './tally';

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
 * Within one page read (`beginRead()` starts one):
 * - the fields of a row that share a path prefix (`:scope > .card-body > …`) find the prefix's element
 *   once (each step remembers its first match under the last parent it searched);
 * - each path remembers the child indexes of its last match: the next row is looked at there first,
 *   checking one element per step against the step's compound, instead of testing every sibling before
 *   it. When any step does not match there, the full walk runs. A row holding two elements that match
 *   the same step (two 实付金额 cells) is the one case where the remembered place may not be the first
 *   match; for steps that are a bare tag (`span`, `tr`), where siblings of the same kind are common, a
 *   remembered index above 0 is never trusted.
 */

/** A CSS selector with the console layout it was seen in. Chains are ordered newest layout first. */
export interface SelectorEntry {
  selector: string;
  layout: string;
}

interface AttrTest {
  name: string;
  op?: '=' | '*=';
  value?: string;
}

interface Compound {
  tag?: string;
  /** `.name` tokens of the class attribute. */
  tokens: string[];
  /** `[class*="…"]` parts. */
  classParts: string[];
  /** `[class="…"]` or bare `[class]`. */
  classExact?: string;
  classPresent: boolean;
  /** Whether any class test is present (computed once). */
  readsClass: boolean;
  /** Every other attribute test. */
  attrs: AttrTest[];
  // The first child of `seenParent` matching this compound (null: none), found during read `seenRead`.
  // Compounds are shared by every selector with the same step text, so the fields of one row that share a
  // path prefix (`:scope > .card-body > …`) find the prefix's element once per row.
  seenRead: number;
  seenParent: ParentNode | null;
  seenFirst: Element | null;
  seenIndex: number;
}

/** A child-path selector, with the child indexes of its last match during read `memoRead`. */
interface ChildPath {
  steps: Compound[];
  /** Whether a step is only a tag (`span`, `tr`): a remembered index above 0 is not trusted for those. */
  tagOnly: boolean[];
  /** Child indexes of the walk in progress. */
  trail: number[];
  /** Child indexes of the last match. */
  memo: number[];
  memoRead: number;
}

const COMPOUND_PART = /([a-zA-Z][\w-]*)|\.([\w-]+)|\[([\w-]+)(?:(\*?=)"([^"]*)")?\]/gy;
const compiled = new Map<string, ChildPath | null>();
const compounds = new Map<string, Compound | null>();

/**
 * The number of the current page read. The remembered first matches (Compound.seen*) only hold while the
 * document does not change, i.e. within one synchronous read; every read starts with `beginRead()`.
 */
let currentRead = 0;

/** Starts a page read: forgets where elements were found in earlier reads (the page may have re-rendered). */
export function beginRead(): void {
  currentRead += 1;
}

function internedCompound(text: string): Compound | null {
  let compound = compounds.get(text);
  if (compound === undefined) {
    compound = parseCompound(text);
    compounds.set(text, compound);
  }
  return compound;
}

function parseCompound(text: string): Compound | null {
  const compound: Compound = {
    tokens: [],
    classParts: [],
    attrs: [],
    classPresent: false,
    readsClass: false,
    seenRead: -1,
    seenParent: null,
    seenFirst: null,
    seenIndex: -1,
  };
  COMPOUND_PART.lastIndex = 0;
  let consumed = 0;
  for (let match = COMPOUND_PART.exec(text); match; match = COMPOUND_PART.exec(text)) {
    consumed = COMPOUND_PART.lastIndex;
    if (match[1]) compound.tag = match[1].toLowerCase();
    else if (match[2]) compound.tokens.push(match[2]);
    else if (match[3] === 'class' && match[4] === '*=') compound.classParts.push(match[5]!);
    else if (match[3] === 'class' && match[4] === '=') compound.classExact = match[5]!;
    else if (match[3] === 'class') compound.classPresent = true;
    else compound.attrs.push({ name: match[3]!, op: match[4] as AttrTest['op'], value: match[5] });
    if (consumed === text.length) break;
  }
  compound.readsClass =
    compound.tokens.length > 0 || compound.classParts.length > 0 || compound.classExact !== undefined || compound.classPresent;
  return consumed === text.length && text.length > 0 ? compound : null;
}

/** `:scope > A > B` → its compounds, or null when the selector is not a plain child path. */
function childPath(selector: string): ChildPath | null {
  let path = compiled.get(selector);
  if (path !== undefined) return path;
  path = null;
  const steps = selector.split('>').map((step) => step.trim());
  if (steps[0] === ':scope' && steps.length > 1) {
    const parsed = steps.slice(1).map(internedCompound);
    if (parsed.every((c): c is Compound => c !== null)) {
      path = {
        steps: parsed,
        tagOnly: parsed.map((c) => !c.readsClass && c.attrs.length === 0),
        trail: parsed.map(() => 0),
        memo: parsed.map(() => 0),
        memoRead: -1,
      };
    }
  }
  compiled.set(selector, path);
  return path;
}

/** ASCII whitespace, the separators of a class attribute. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
}

function hasToken(cls: string, token: string): boolean {
  for (let at = cls.indexOf(token); at >= 0; at = cls.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || isSpace(cls.charCodeAt(at - 1))) && (end === cls.length || isSpace(cls.charCodeAt(end)))) return true;
  }
  return false;
}

/**
 * The class attribute. `className` is read where it is a string (HTML elements; about half the cost of
 * getAttribute in Chromium); it gives '' for a missing attribute, which only `[class]`/`[class=""]` tell
 * apart, so those (and SVG elements, whose className is an object) use getAttribute.
 */
function classOf(el: Element, compound: Compound): string | null {
  const name = el.className;
  return typeof name === 'string' && !compound.classPresent && compound.classExact !== '' ? name : el.getAttribute('class');
}

function matches(el: Element, compound: Compound): boolean {
  if (compound.tag !== undefined && el.localName !== compound.tag) return false;
  if (compound.readsClass) {
    const cls = classOf(el, compound);
    if (cls === null) return false;
    for (const part of compound.classParts) if (!cls.includes(part)) return false;
    for (const token of compound.tokens) if (!hasToken(cls, token)) return false;
    if (compound.classExact !== undefined && cls !== compound.classExact) return false;
  }
  for (const attr of compound.attrs) {
    const value = el.getAttribute(attr.name);
    if (value === null) return false;
    if (attr.op === '=' && value !== attr.value) return false;
    if (attr.op === '*=' && !value.includes(attr.value!)) return false;
  }
  return true;
}

function remember(compound: Compound, parent: ParentNode, first: Element | null, index: number): void {
  compound.seenRead = currentRead;
  compound.seenParent = parent;
  compound.seenFirst = first;
  compound.seenIndex = index;
}

/** The first child of `parent` matching `compound` (and its index), remembered for the rest of the read. */
function firstMatchingChild(parent: ParentNode, compound: Compound): Element | null {
  if (compound.seenRead === currentRead && compound.seenParent === parent) return compound.seenFirst;
  let index = 0;
  let el = parent.firstElementChild;
  while (el && !matches(el, compound)) {
    el = el.nextElementSibling;
    index += 1;
  }
  remember(compound, parent, el, index);
  return el;
}

/** First match in document order (depth first), touching only children on matching paths; fills `trail`. */
function firstOnPath(parent: ParentNode, path: ChildPath, step: number): Element | null {
  const compound = path.steps[step]!;
  const last = step === path.steps.length - 1;
  let el = firstMatchingChild(parent, compound);
  let index = compound.seenIndex;
  while (el) {
    path.trail[step] = index;
    if (last) return el;
    const found = firstOnPath(el, path, step + 1);
    if (found) return found;
    do {
      el = el.nextElementSibling;
      index += 1;
    } while (el && !matches(el, compound));
  }
  return null;
}

/** The element at the remembered child indexes, when every step of the path matches there. */
function atRememberedPlace(root: ParentNode, path: ChildPath): Element | null {
  let parent: ParentNode = root;
  for (let step = 0; step < path.steps.length; step += 1) {
    const compound = path.steps[step]!;
    if (compound.seenRead === currentRead && compound.seenParent === parent) {
      if (!compound.seenFirst) return null;
      parent = compound.seenFirst;
      continue;
    }
    const index = path.memo[step]!;
    if (index > 0 && path.tagOnly[step]) return null;
    let el = parent.firstElementChild;
    for (let i = index; i > 0 && el; i -= 1) el = el.nextElementSibling;
    if (!el || !matches(el, compound)) return null;
    remember(compound, parent, el, index);
    parent = el;
  }
  return parent as Element;
}

function firstOf(root: ParentNode, path: ChildPath): Element | null {
  if (path.memoRead === currentRead) {
    const there = atRememberedPlace(root, path);
    if (there) return there;
  }
  const found = firstOnPath(root, path, 0);
  if (found) {
    for (let step = 0; step < path.steps.length; step += 1) path.memo[step] = path.trail[step]!;
    path.memoRead = currentRead;
  }
  return found;
}

function allOnPath(parent: ParentNode, path: ChildPath, step: number, out: Element[]): void {
  const compound = path.steps[step]!;
  const last = step === path.steps.length - 1;
  for (let el = firstMatchingChild(parent, compound); el; el = el.nextElementSibling) {
    if (!matches(el, compound)) continue;
    if (last) out.push(el);
    else allOnPath(el, path, step + 1, out);
  }
}

/** First element matched by one selector. */
export function queryOne(root: ParentNode, selector: string): Element | null {
  const path = childPath(selector);
  return path ? firstOf(root, path) : root.querySelector(selector);
}

/** All elements matched by one selector, in document order. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  const path = childPath(selector);
  if (!path) return Array.from(root.querySelectorAll(selector));
  const out: Element[] = [];
  allOnPath(root, path, 0, out);
  return out;
}

// Index in its chain of the entry that matched in the last firstInChain call (-1: none); a variable
// rather than a returned pair, so the per-field hot path allocates nothing.
let matchedEntry = -1;

/** The first element of the first entry of `chain` matching under `root`; sets `matchedEntry`. */
function firstInChain(root: ParentNode | null | undefined, chain: readonly SelectorEntry[]): Element | null {
  if (root) {
    for (let i = 0; i < chain.length; i += 1) {
      const found = queryOne(root, chain[i]!.selector);
      if (found) {
        matchedEntry = i;
        return found;
      }
    }
  }
  matchedEntry = -1;
  return null;
}

/** First element matched by a chain (newest layout first); records the winning layout for `field`. */
export function pick(
  root: ParentNode | null | undefined,
  chain: readonly SelectorEntry[],
  diag?: ParseDiagnostics,
  field?: string,
): Element | null {
  const found = firstInChain(root, chain);
  if (diag && field) recordStrategy(diag, field, matchedEntry < 0 ? 'none' : chain[matchedEntry]!.layout);
  return found;
}

/**
 * `pick` for the per-row hot path: the winning entry is counted in `tally` as strategy `offset + index`
 * (the chain's entries are the tally's strategies from `offset` on), or as `none`.
 */
export function pickCounted(root: ParentNode | null | undefined, chain: readonly SelectorEntry[], tally: Tally, offset = 0): Element | null {
  const found = firstInChain(root, chain);
  if (matchedEntry < 0) tally.none();
  else tally.win(offset + matchedEntry);
  return found;
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
