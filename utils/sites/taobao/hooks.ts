/**
 * Element hooks: the simple selectors of the per-row hot path (`[class*="buyer-nick"]`,
 * `a[href*="tradeSnap"]`, `input[name="orderid"]`) as data: a chain per field, newest hook first, each
 * hook naming the layout it was seen in. They are matched with the browser's own selector engine on the
 * small subtree of one order part (measured in Chromium: a native query of an order header costs about a
 * quarter of walking its 17 elements from script).
 */
export interface Hook {
  /** Console layout (and era) the hook was seen in. */
  layout: string;
  /** Element name, if the hook is tied to one. */
  tag?: string;
  attr: string;
  /** The attribute contains this (or equals it with `exact`). */
  value: string;
  exact?: boolean;
}

export type HookMatch = { el: Element; hook: Hook } | null;

/**
 * The class attribute: `className` where it is a string (HTML elements; about half the cost of
 * getAttribute in Chromium, and '' where getAttribute gives null, which `includes` treats the same).
 */
function classOf(el: Element): string | null {
  const name = el.className;
  return typeof name === 'string' ? name : el.getAttribute('class');
}

/** Whether `el` itself carries `hook`. */
function matchesHook(el: Element, hook: Hook): boolean {
  if (hook.tag !== undefined && el.localName !== hook.tag) return false;
  const value = hook.attr === 'class' ? classOf(el) : el.getAttribute(hook.attr);
  return value !== null && (hook.exact ? value === hook.value : value.includes(hook.value));
}

const hookCss = new WeakMap<Hook, string>();

/** A hook as a CSS selector: `tag[attr*="value"]` (or `=` when exact); the hook values hold no quotes. */
function cssOfHook(hook: Hook): string {
  let css = hookCss.get(hook);
  if (css === undefined) {
    css = `${hook.tag ?? ''}[${hook.attr}${hook.exact ? '=' : '*='}"${hook.value}"]`;
    hookCss.set(hook, css);
  }
  return css;
}

const restCss = new WeakMap<readonly Hook[], string>();

/** The hooks of a chain after its first, as one selector list (matches what any of them matches). */
function cssOfRest(chain: readonly Hook[]): string {
  let css = restCss.get(chain);
  if (css === undefined) {
    css = chain.slice(1).map(cssOfHook).join(', ');
    restCss.set(chain, css);
  }
  return css;
}

/** The element after `el` in document order within `root`'s subtree, or null. */
function following(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** The first element under `root` carrying `hook` (and accepted), or null. */
function firstWithHook(root: Element, hook: Hook, accept: ((el: Element) => boolean) | undefined): Element | null {
  let el = root.querySelector(cssOfHook(hook));
  // A refused match: look on from it (rare and short: the image link before a title link).
  while (el && accept && !accept(el)) {
    do {
      el = following(el, root);
    } while (el && !matchesHook(el, hook));
  }
  return el;
}

/**
 * One place where a hook chain is searched in every order (the header's buyer, an item's title …). Within
 * one page read it remembers which hook found the element, and the next order is searched with that hook
 * first: the page's layout decides once, and a legacy page does not pay for the newer hooks on every
 * order. Only if the remembered hook finds nothing is the chain searched in order again.
 */
export interface HookSite {
  chain: readonly Hook[];
  rank: number;
  read: number;
}

export const hookSite = (chain: readonly Hook[]): HookSite => ({ chain, rank: 0, read: -1 });

let currentRead = 0;

/** Starts a page read: hook sites forget what the previous read (maybe another layout) used. */
export function beginHookRead(): void {
  currentRead += 1;
}

/**
 * The first element under `root` matched by the earliest hook of the chain that matches anything. Each
 * hook is one native query (one simple selector: selector lists cost several times more per call in
 * Chromium); when the newest hook matches nothing, one query over the older hooks together tells
 * whether any of them does before they are tried one by one.
 */
function findInChain(root: Element, site: HookSite, accept: ((el: Element) => boolean) | undefined): HookMatch {
  const chain = site.chain;
  if (chain.length === 0) return null;
  if (site.read === currentRead && site.rank > 0) {
    const hook = chain[site.rank]!;
    const el = firstWithHook(root, hook, accept);
    if (el) return { el, hook };
  }
  let found: HookMatch = null;
  const newest = firstWithHook(root, chain[0]!, accept);
  if (newest) found = { el: newest, hook: chain[0]! };
  else if (chain.length > 1 && (accept || root.querySelector(cssOfRest(chain)) !== null)) {
    for (let rank = 1; rank < chain.length && !found; rank++) {
      const el = firstWithHook(root, chain[rank]!, accept);
      if (el) found = { el, hook: chain[rank]! };
    }
  }
  if (found) {
    site.rank = chain.indexOf(found.hook);
    site.read = currentRead;
  }
  return found;
}

/** For each hook site, the element its chain finds under `root` (root excluded). `accept` can refuse a match. */
export function findHooks(
  root: Element,
  sites: readonly HookSite[],
  accept?: (el: Element, site: number) => boolean,
): HookMatch[] {
  return sites.map((site, s) => findInChain(root, site, accept && ((el: Element) => accept(el, s))));
}

export function findHook(root: Element, site: HookSite, accept?: (el: Element) => boolean): HookMatch {
  return findInChain(root, site, accept);
}

/** Element children with one of the given names. */
export function childrenNamed(parent: Element, ...names: string[]): Element[] {
  const out: Element[] = [];
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) if (names.includes(el.localName)) out.push(el);
  return out;
}
