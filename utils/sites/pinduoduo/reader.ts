import { emptyDiagnostics, recordSkip } from '../../capture/diagnostics';
import type { PageRead, SiteReader } from '../types';
import { readPddDetail } from './read-detail';
import { readPddList } from './read-list';
import { site } from './site';

export const reader: SiteReader = {
  read(doc: Document, url: URL): PageRead | null {
    const kind = site.detectPage(url);
    if (!kind) return null;
    try {
      return kind === 'detail' ? readPddDetail(doc, url) : readPddList(doc);
    } catch {
      // never throw into the seller's page: report an unreadable page instead
      const diagnostics = emptyDiagnostics(site.platform, kind);
      recordSkip(diagnostics, 'reader-error');
      return { kind, rows: [], diagnostics };
    }
  },
};
