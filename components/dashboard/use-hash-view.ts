import { useEffect, useState } from 'react';
import type { StringKey } from './strings';

/** The dashboard's views, in navigation order; `#<id>` selects one (the popup links to #unpaid, #exceptions). */
export const VIEWS = [
  { id: 'overview', label: 'navOverview' },
  { id: 'daily', label: 'navDaily' },
  { id: 'orders', label: 'navOrders' },
  { id: 'unpaid', label: 'navUnpaid' },
  { id: 'templates', label: 'navTemplates' },
  { id: 'exceptions', label: 'navExceptions' },
  { id: 'batch', label: 'navBatch' },
  { id: 'import', label: 'navImport' },
  { id: 'export', label: 'navExport' },
  { id: 'backup', label: 'navBackup' },
  { id: 'team', label: 'navTeam' },
  { id: 'parse-health', label: 'navParseHealth' },
] as const satisfies readonly { id: string; label: StringKey }[];

export type ViewId = (typeof VIEWS)[number]['id'];

export const DEFAULT_VIEW: ViewId = 'overview';

/** `#orders` → 'orders'; anything unknown → the overview. Query-like suffixes (`#orders?x=1`) are ignored. */
export function viewOfHash(hash: string): ViewId {
  const id = hash.replace(/^#/, '').split(/[?&/]/, 1)[0];
  return VIEWS.find((view) => view.id === id)?.id ?? DEFAULT_VIEW;
}

/** The view named by the location hash, following back/forward and in-page links. */
export function useHashView(): ViewId {
  const [view, setView] = useState<ViewId>(() => viewOfHash(location.hash));
  useEffect(() => {
    const onHashChange = () => setView(viewOfHash(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return view;
}
