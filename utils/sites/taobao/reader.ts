import { emptyDiagnostics, recordSkip } from '../../capture/diagnostics';
import type { PageRead, SiteReader } from '../types';
import { readDetail } from './read-detail';
import { readList } from './read-list';
import { site } from './site';

export const reader: SiteReader = {
  read(doc: Document, url: URL): PageRead | null {
    const kind = site.detectPage(url);
    if (!kind) return null;
    try {
      return kind === 'list' ? readList(doc) : readDetail(doc, url);
    } catch {
      // A console's odd markup must never throw into the page: report it as a failed read instead.
      const diagnostics = emptyDiagnostics(site.platform, kind);
      diagnostics.layout = 'error';
      recordSkip(diagnostics, 'read-error');
      return { kind, rows: [], diagnostics };
    }
  },
};
