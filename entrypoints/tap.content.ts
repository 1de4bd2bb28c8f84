import { matchTapEndpoint } from '@/utils/sites/api-endpoints';
import { TAP_MATCHES } from '@/utils/tap/console-matches';
import { installTap } from '@/utils/tap/install-tap';
import { connectTapToIsolated } from '@/utils/tap/tap-channel';

// The tap: in the page's own world, before any page script, on the consoles' origins only. It wraps
// fetch/XHR and forwards the text of allow-listed order responses to the isolated content script; it
// parses nothing and holds no site code beyond the URL allow-list (utils/sites/*/api-endpoints.ts).
export default defineContentScript({
  matches: [...TAP_MATCHES],
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
