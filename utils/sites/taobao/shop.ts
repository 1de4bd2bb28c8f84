import type { ParseDiagnostics } from '../../capture/diagnostics';
import { queryChain, type SelectorEntry } from '../../capture/strategy';
import { SHOP } from './selectors';
import { bounded } from './text';

const SUB_ACCOUNT = /[:：]/;

/**
 * The shop as the console header shows it. Qianniu prints the logged-in account, `主账号:子账号` for
 * sub-accounts (customer-service staff); the main account (the shop's nick) is the part before the colon.
 */
export function readShop(doc: Document, diag: ParseDiagnostics, chain: readonly SelectorEntry[] = SHOP): string | undefined {
  const el = queryChain(doc, chain, diag, 'shop');
  const text = el?.textContent ?? '';
  const main = text.split(SUB_ACCOUNT)[0] ?? '';
  return bounded(main, 80);
}
