import { startCapture } from '@/utils/capture/start-capture';
import { apiReaders } from '@/utils/sites/jd/api';
import { pagination } from '@/utils/sites/jd/pagination';
import { reader } from '@/utils/sites/jd/reader';
import { site } from '@/utils/sites/jd/site';

// document_start: the private channel to the tap must exist before any page script runs; the DOM side
// waits for the parsed document (see startCapture).
export default defineContentScript({
  matches: [...site.matches],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, site, reader, apiReaders, pagination);
  },
});
