import { startCapture } from '@/utils/capture/start-capture';
import { apiReaders } from '@/utils/sites/douyin/api';
import { pagination } from '@/utils/sites/douyin/pagination';
import { reader } from '@/utils/sites/douyin/reader';
import { site } from '@/utils/sites/douyin/site';

// document_start: the private channel to the tap must exist before any page script runs; the DOM side
// waits for the parsed document (see startCapture).
export default defineContentScript({
  matches: [...site.matches],
  runAt: 'document_start',
  main(ctx) {
    startCapture(ctx, site, reader, apiReaders, pagination);
  },
});
