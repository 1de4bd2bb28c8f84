import { startCapture } from '@/utils/capture/start-capture';
import { reader } from '@/utils/sites/kuaishou/reader';
import { site } from '@/utils/sites/kuaishou/site';

export default defineContentScript({
  matches: [...site.matches],
  runAt: 'document_idle',
  main(ctx) {
    startCapture(ctx, site, reader);
  },
});
