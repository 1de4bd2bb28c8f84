import { storage } from '#imports';
import { DISABLED_STATUS, TEAM_SYNC_SETTINGS_KEY, TEAM_SYNC_STATUS_KEY, type TeamSyncSettings, type TeamSyncStatus } from './sync-protocol';

/** Team sync's status: written by the background, read by the dashboard (no PouchDB here). */
export const teamSyncStatusItem = storage.defineItem<TeamSyncStatus>(TEAM_SYNC_STATUS_KEY, { fallback: DISABLED_STATUS });
/** Team sync's non-secret settings (the secret is in the extension-origin IndexedDB `orderlens-sync`). */
export const teamSyncSettingsItem = storage.defineItem<TeamSyncSettings | null>(TEAM_SYNC_SETTINGS_KEY, { fallback: null });
