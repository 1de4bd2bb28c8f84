import { CARRIERS, type CarrierInfo } from './carriers';

/** Longer console texts are not a carrier name (and are not worth scanning). */
const MAX_NAME_LENGTH = 60;
/** Everything but letters, digits and `&` (J&T) is noise in a carrier name: spaces, brackets, dots, dashes. */
const NOISE = /[^\p{L}\p{N}&]+/gu;
/** Company and service words consoles append to a brand (`中通快递`, `韵达速递有限公司`). */
const SUFFIX = /(?:股份有限公司|有限公司|公司|集团)?$/;
const SERVICE_SUFFIX = /(?:快递|速递|物流|速运|快运)$/;
const LATIN_OR_DIGIT = /[a-z0-9]/;

/** `顺丰 速运`, `顺丰速运（标快）`, `ＪＤ` → comparable keys: NFKC, lower case, no spaces or punctuation. */
export function normalizeCarrierName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(NOISE, '');
}

interface AliasKey {
  key: string;
  carrier: CarrierInfo;
}

const ALIAS_KEYS: readonly AliasKey[] = CARRIERS.flatMap((carrier) =>
  carrier.aliases.map((alias) => ({ key: normalizeCarrierName(alias), carrier })),
).sort((a, b) => b.key.length - a.key.length);

const EXACT = new Map<string, CarrierInfo>(ALIAS_KEYS.map(({ key, carrier }) => [key, carrier]));

interface Hit {
  start: number;
  end: number;
  carrier: CarrierInfo;
}

/** A latin alias (`ems`, `sf`) only counts as a whole token, so `emsx` or `jdl2` do not match it. */
function standsAlone(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  return !(before && LATIN_OR_DIGIT.test(before)) && !(after && LATIN_OR_DIGIT.test(after));
}

function hitsIn(key: string): Hit[] {
  const hits: Hit[] = [];
  for (const alias of ALIAS_KEYS) {
    let at = key.indexOf(alias.key);
    while (at >= 0) {
      const end = at + alias.key.length;
      const latin = LATIN_OR_DIGIT.test(alias.key);
      if (!latin || standsAlone(key, at, end)) hits.push({ start: at, end, carrier: alias.carrier });
      at = key.indexOf(alias.key, at + 1);
    }
  }
  return hits;
}

/**
 * The carrier a console's carrier-name text names, or undefined when it names none or several.
 * Exact alias first (after dropping 快递/速递/物流/速运/快运 and company suffixes), then aliases contained in
 * the text; an alias inside a longer matching alias does not count (`邮政` inside `邮政速递` is EMS), and
 * two different carriers left over (`EMS（中国邮政）`) mean no answer rather than a guess.
 */
export function carrierFromName(name: string | undefined | null): CarrierInfo | undefined {
  if (!name || name.length > MAX_NAME_LENGTH) return undefined;
  const key = normalizeCarrierName(name);
  if (!key) return undefined;
  const bare = key.replace(SUFFIX, '');
  const exact = EXACT.get(key) ?? EXACT.get(bare) ?? EXACT.get(bare.replace(SERVICE_SUFFIX, ''));
  if (exact) return exact;

  const hits = hitsIn(key);
  const inside = (hit: Hit, other: Hit) =>
    other.end - other.start > hit.end - hit.start && other.start <= hit.start && other.end >= hit.end;
  const kept = hits.filter((hit) => !hits.some((other) => inside(hit, other)));
  const carriers = new Set(kept.map((hit) => hit.carrier));
  return carriers.size === 1 ? kept[0]?.carrier : undefined;
}
