// Test build of the tap for tests/e2e/tap.spec.ts: the real installTap, with a test allow-list and the
// forwarded records kept on window instead of posted to the isolated world.
import { installTap } from '../../utils/tap/install-tap';
import type { TapRecord } from '../../utils/tap/tap-record';

const records: TapRecord[] = [];
(window as unknown as { __tapRecords: TapRecord[] }).__tapRecords = records;
installTap(window, {
  match: (url) => (new URL(url).pathname.startsWith('/api/orders') ? 'test.orders' : null),
  forward: (record) => records.push(record),
});
