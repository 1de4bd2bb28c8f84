import { useEffect, useState } from 'react';
import { teamSyncSettingsItem, teamSyncStatusItem } from '@/utils/sync/sync-items';
import { browser } from 'wxt/browser';
import {
  DISABLED_STATUS,
  LIVE_PASS_MS,
  SYNC_LIVE_PORT,
  type SyncMessage,
  type TeamSyncStatus,
} from '@/utils/sync/sync-protocol';

/**
 * The dashboard's side of team sync: messages to the background (which owns the engine, the credentials and the
 * network) and the status it keeps in storage.local. Nothing here imports PouchDB or talks to the server.
 */
export async function sendSync<Reply>(message: SyncMessage): Promise<Reply> {
  return (await browser.runtime.sendMessage(message)) as Reply;
}

export { teamSyncSettingsItem as syncSettingsItem, teamSyncStatusItem as syncStatusItem };

/** The status the background last wrote (`null` until read), following every change. */
export function useTeamSyncStatus(): TeamSyncStatus | null {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void teamSyncStatusItem.getValue().then((value) => live && setStatus(value));
    const unwatch = teamSyncStatusItem.watch((value) => setStatus(value ?? DISABLED_STATUS));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return status;
}

/** What the status panel says: `off`, `connecting` (on, no pass succeeded yet), `ok` (the last pass succeeded), `error`.
 * A pass running does not change it (an open dashboard runs one every few seconds: the word would flicker). */
export type SyncState = 'off' | 'connecting' | 'ok' | 'error';

export function syncStateOf(status: TeamSyncStatus | null): SyncState {
  if (!status?.enabled) return 'off';
  if (status.errorKind) return 'error';
  if (status.lastOkAt === undefined) return 'connecting';
  return 'ok';
}

/** Member id → display name (the team directory, this member included). */
export function memberNames(status: TeamSyncStatus | null): Record<string, string> {
  const names: Record<string, string> = { ...(status?.members ?? {}) };
  if (status?.user && status.member && !names[status.user]) names[status.user] = status.member;
  return names;
}

/**
 * While a dashboard tab is open and sync is on it keeps the background's live port connected: the background then
 * runs a pass every LIVE_PASS_MS (one-shot passes in the worker rather than PouchDB live replication in the page: the
 * worker holds the pass lock, the credentials and the Dexie merge, and a page closed mid-pass leaves nothing
 * half-applied — the next pass resumes from the checkpoints). A port the stopped worker dropped is connected again.
 */
export function useDashboardPasses(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      if (stopped) return;
      try {
        port = browser.runtime.connect({ name: SYNC_LIVE_PORT });
        port.onDisconnect.addListener(() => {
          port = undefined;
          if (!stopped) timer = setTimeout(connect, 1_000);
        });
      } catch {
        timer = setTimeout(connect, LIVE_PASS_MS);
      }
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      port?.disconnect();
    };
  }, [enabled]);
}
