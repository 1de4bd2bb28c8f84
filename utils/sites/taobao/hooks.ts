/**
 * Element hooks: the simple selectors of the per-row hot path (`[class*="buyer-nick"]`,
 * `a[href*="tradeSnap"]`, `input[name="orderid"]`) as data, matched by one walk of a small subtree.
 * Reading a 500-order page must cost about a bare textContent walk; selector engines (and jsdom's in
 * particular) cost many times that per call, so rows are never queried with CSS selectors.
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

function matches(el: Element, hook: Hook, attrs: Map<string, string | null>): boolean {
  if (hook.tag && el.localName !== hook.tag) return false;
  let value = attrs.get(hook.attr);
  if (value === undefined) {
    value = el.getAttribute(hook.attr);
    attrs.set(hook.attr, value);
  }
  if (value === null) return false;
  return hook.exact ? value === hook.value : value.includes(hook.value);
}

export type HookMatch = { el: Element; hook: Hook } | null;

/**
 * For each chain, the first element under `root` (root excluded) matched by the earliest hook of that
 * chain that matches anything, all in one walk. `accept` can refuse a match (e.g. an empty link).
 */
export function findHooks(
  root: Element,
  chains: readonly (readonly Hook[])[],
  accept?: (el: Element, chain: number) => boolean,
): HookMatch[] {
  const best: ({ el: Element; hook: Hook; rank: number } | null)[] = chains.map(() => null);
  let open = chains.length; // chains without a rank-0 match yet
  const attrs = new Map<string, string | null>();
  const walk = (parent: Element): boolean => {
    for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
      attrs.clear();
      chains.forEach((chain, c) => {
        const limit = best[c]?.rank ?? chain.length;
        for (let rank = 0; rank < limit; rank++) {
          const hook = chain[rank]!;
          if (matches(el, hook, attrs) && (!accept || accept(el, c))) {
            best[c] = { el, hook, rank };
            if (rank === 0) open--;
            break;
          }
        }
      });
      if (open === 0 || walk(el)) return true;
    }
    return false;
  };
  walk(root);
  return best.map((found) => (found ? { el: found.el, hook: found.hook } : null));
}

export function findHook(root: Element, chain: readonly Hook[], accept?: (el: Element) => boolean): HookMatch {
  return findHooks(root, [chain], accept && ((el) => accept(el)))[0] ?? null;
}

/** Element children with one of the given names. */
export function childrenNamed(parent: Element, ...names: string[]): Element[] {
  const out: Element[] = [];
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) if (names.includes(el.localName)) out.push(el);
  return out;
}
