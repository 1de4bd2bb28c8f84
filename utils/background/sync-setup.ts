// Team sync in the service worker (issue 16): the engine with the browser's storage, permissions and fetch;
// runtime messages from extension pages; the `orderlens-sync` alarm (a one-shot pass every minute: the MV3
// worker may stop at any time, and a pass stopped halfway is resumed by the next); a pass soon after local
// changes; passes every LIVE_PASS_MS while a dashboard keeps the live port connected.
// With sync off: no alarm, no request, no PouchDB database, the sync store not opened.
import { teamSyncSettingsItem, teamSyncStatusItem } from '../sync/sync-items';
import type { OrderLensDatabase } from '../db/database';
import { remindOrder, type RemindOutcome } from '../remind/remind-order';
import { remindSettingsItem } from '../remind/remind-settings';
import { paymentWindowsItem } from '../remind/payment-window-settings';
import { SyncEngine } from '../sync/sync-engine';
import { syncPermissionsFor } from '../sync/sync-permissions';
import {
  allowedServerOrigin,
  isSyncMessage,
  LIVE_PASS_MS,
  SYNC_ALARM,
  SYNC_LIVE_PORT,
  type SyncMessage,
  type TeamSyncSettings,
} from '../sync/sync-protocol';
import type { SenderLike } from '../messaging/check-sender';

export { teamSyncSettingsItem, teamSyncStatusItem };

/** A sync message is taken only from this extension's own pages (dashboard, popup): a content script's
 * sender.url is the console page's, never the extension origin. (A dashboard in a tab has sender.tab set.) */
export function isFromExtensionPage(sender: SenderLike, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  // By prefix: URL.origin is "null" for chrome-extension:/moz-extension: URLs outside Chrome.
  const base = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  return typeof sender.url === 'string' && sender.url.startsWith(base);
}

function isString(value: unknown, max = 500): value is string {
  return typeof value === 'string' && value.length <= max;
}

function validSettings(value: unknown): value is TeamSyncSettings {
  const settings = value as Partial<TeamSyncSettings> | null;
  return !!settings && isString(settings.serverUrl) && isString(settings.team, 60) && isString(settings.user, 200) && isString(settings.memberName ?? '', 80);
}

export interface TeamSync {
  engine: SyncEngine;
  handleMessage(message: unknown, sender: SenderLike): Promise<unknown> | undefined;
  /** For the content path's 催付: the claimed reminder when sync is on, null when off. */
  remind(platform: string, orderId: string): Promise<RemindOutcome | null>;
  /** Orders changed by a capture (background path). */
  noteLocalChange(count: number): void;
}

export function setUpTeamSync(db: OrderLensDatabase): TeamSync {
  const engine = new SyncEngine({
    db,
    readStatus: () => teamSyncStatusItem.getValue(),
    writeStatus: (status) => teamSyncStatusItem.setValue(status),
    remindSettings: () => remindSettingsItem.getValue(),
    fetch: (input, init) => fetch(input, init),
    hasPermission: async (origin) => {
      try {
        return await browser.permissions.contains(syncPermissionsFor(origin));
      } catch {
        return false;
      }
    },
  });

  const ensureAlarm = async () => {
    if (!(await browser.alarms.get(SYNC_ALARM))) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1, delayInMinutes: 1 });
  };

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void engine.isEnabled().then(async (enabled) => {
      if (enabled) await engine.runPass();
      else await browser.alarms.clear(SYNC_ALARM);
    });
  });

  // Live passes while a dashboard keeps a port open.
  const ports = new Set<ReturnType<typeof browser.runtime.connect>>();
  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  const liveLoop = async () => {
    liveTimer = undefined;
    if (ports.size === 0) return;
    if (await engine.isEnabled()) {
      const status = await engine.runPass().catch(() => undefined);
      for (const port of ports) {
        try {
          port.postMessage({ type: 'orderlens-sync/status', status });
        } catch {
          ports.delete(port);
        }
      }
    }
    if (ports.size > 0) liveTimer = setTimeout(() => void liveLoop(), LIVE_PASS_MS);
  };
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SYNC_LIVE_PORT) return;
    if (!isFromExtensionPage(port.sender ?? {}, browser.runtime.id, browser.runtime.getURL('/'))) {
      port.disconnect();
      return;
    }
    ports.add(port);
    port.onDisconnect.addListener(() => ports.delete(port));
    if (!liveTimer) liveTimer = setTimeout(() => void liveLoop(), 0);
  });

  // A worker started by any event: keep the alarm while sync is on.
  void engine
    .isEnabled()
    .then(async (enabled) => {
      if (!enabled) return;
      await engine.clearStaleRunning();
      await ensureAlarm();
    })
    .catch(() => undefined);

  async function handle(message: SyncMessage): Promise<unknown> {
    switch (message.type) {
      case 'orderlens-sync/enable': {
        if (!validSettings(message.settings) || !isString(message.secret, 2000)) return { ok: false, errorKind: 'invalid', errorText: '设置不正确' };
        const answer = await engine.enable(message.settings, message.secret);
        if (answer.ok) {
          const origin = allowedServerOrigin(message.settings.serverUrl)!;
          await teamSyncSettingsItem.setValue({ ...message.settings, serverUrl: origin });
          await ensureAlarm();
          void engine.runPass();
        }
        return answer;
      }
      case 'orderlens-sync/disable': {
        const settings = await teamSyncSettingsItem.getValue();
        await engine.disable();
        await browser.alarms.clear(SYNC_ALARM);
        const origin = settings && allowedServerOrigin(settings.serverUrl);
        if (origin) await browser.permissions.remove(syncPermissionsFor(origin)).catch(() => false);
        return { ok: true };
      }
      case 'orderlens-sync/run':
        return engine.runPass();
      case 'orderlens-sync/status':
        return engine.status();
      case 'orderlens-sync/remind': {
        if (!isString(message.platform, 20) || !isString(message.orderId, 40)) return { ok: false, reason: 'unknown-order' };
        const windows = await paymentWindowsItem.getValue();
        return (
          (await engine.remind(message.platform, message.orderId, windows)) ??
          remindOrder(db, message.platform, message.orderId, Date.now(), await remindSettingsItem.getValue(), windows)
        );
      }
    }
  }

  return {
    engine,
    handleMessage(message, sender) {
      if (!isSyncMessage(message)) return undefined;
      if (!isFromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return Promise.resolve({ ok: false, error: 'not-an-extension-page' });
      return handle(message).catch((error) => ({ ok: false, errorKind: 'server', errorText: String((error as Error)?.message ?? error) }));
    },
    remind: (platform, orderId) => engine.remind(platform, orderId),
    noteLocalChange(count) {
      void engine.noteLocalChange(count).catch(() => undefined);
    },
  };
}
