import { useEffect, useState } from 'react';
import { storage } from '#imports';
import { browser } from 'wxt/browser';
import {
  DISABLED_STATUS,
  TEAM_SYNC_SETTINGS_KEY,
  TEAM_SYNC_STATUS_KEY,
  type SyncMessage,
  type TeamSyncSettings,
  type TeamSyncStatus,
} from '@/utils/sync/sync-protocol';

/**
 * The dashboard's side of team sync: messages to the background (which owns the engine, the credentials and the
 * network) and the status it keeps in storage.local. Nothing here imports PouchDB or talks to the server.
 */
export async function sendSync<Reply>(message: SyncMessage): Promise<Reply> {
  return (await browser.runtime.sendMessage(message)) as Reply;
}

export const syncStatusItem = storage.defineItem<TeamSyncStatus>(TEAM_SYNC_STATUS_KEY, { fallback: DISABLED_STATUS });
export const syncSettingsItem = storage.defineItem<TeamSyncSettings | null>(TEAM_SYNC_SETTINGS_KEY, { fallback: null });

/** The status the background last wrote (`null` until read), following every change. */
export function useTeamSyncStatus(): TeamSyncStatus | null {
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void syncStatusItem.getValue().then((value) => live && setStatus(value));
    const unwatch = syncStatusItem.watch((value) => setStatus(value ?? DISABLED_STATUS));
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

/** How often an open dashboard asks for a pass while sync is on (the alarm's one minute is the floor otherwise). */
export const DASHBOARD_PASS_MS = 5_000;

/**
 * While a dashboard tab is open and visible and sync is on, a pass every ~5 s (one at a time: the next waits
 * for the answer). One-shot passes in the worker rather than PouchDB live replication in the page: the worker
 * already holds the pass lock, the credentials and the Dexie merge, and a page closing mid-pass leaves nothing
 * half-applied (the next pass resumes from the checkpoints).
 */
export function useDashboardPasses(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      if (stopped) return;
      if (document.visibilityState === 'visible') await sendSync({ type: 'orderlens-sync/run' }).catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void tick(), DASHBOARD_PASS_MS);
    };
    timer = setTimeout(() => void tick(), DASHBOARD_PASS_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [enabled]);
}
