import { site as douyin } from '@/utils/sites/douyin/site';
import { site as jd } from '@/utils/sites/jd/site';
import { site as kuaishou } from '@/utils/sites/kuaishou/site';
import { site as pinduoduo } from '@/utils/sites/pinduoduo/site';
import { site as taobao } from '@/utils/sites/taobao/site';
import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { installTap } from '@/utils/tap/install-tap';
import { connectTapToIsolated } from '@/utils/tap/tap-channel';

// The tap: in the page's own world, before any page script, on the consoles' origins only. It wraps
// fetch/XHR and forwards the text of allow-listed order responses to the isolated content script; it
// parses nothing and holds no site code beyond the URL allow-list (utils/sites/*/api-endpoints.ts).
export default defineContentScript({
  matches: [...new Set([douyin, jd, kuaishou, pinduoduo, taobao].flatMap((site) => site.matches))],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    try {
      const forward = connectTapToIsolated(document);
      installTap(window, { match: matchTapEndpoint, forward });
    } catch {
      // never into the page
    }
  },
});
