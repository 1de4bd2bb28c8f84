import { TEAM_ID_PATTERN, allowedServerOrigin, type TeamSyncSettings } from '@/utils/sync/sync-protocol';
import { ts, type SyncKey } from './sync-strings';

export interface SyncFormValues extends TeamSyncSettings {
  secret: string;
}

export type FormCheck =
  | { ok: true; origin: string; settings: TeamSyncSettings; secret: string }
  | { ok: false; problem: 'missing' | 'bad-url' | 'need-https' | 'bad-team'; text: string };

const FIELD_LABELS: [keyof SyncFormValues, SyncKey][] = [
  ['serverUrl', 'serverUrl'],
  ['team', 'team'],
  ['user', 'user'],
  ['secret', 'secret'],
  ['memberName', 'memberName'],
];

/**
 * The 团队同步 form checked before anything leaves the page: every field filled, a URL that parses, HTTPS unless the
 * server is this computer (http://localhost, http://127.0.0.1), a team id usable in CouchDB database names.
 */
export function checkSyncForm(values: SyncFormValues): FormCheck {
  const trimmed = {
    serverUrl: values.serverUrl.trim().replace(/\/+$/, ''),
    team: values.team.trim(),
    user: values.user.trim(),
    memberName: values.memberName.trim(),
  };
  const missing = FIELD_LABELS.filter(([field]) => (field === 'secret' ? values.secret : trimmed[field as keyof typeof trimmed]) === '').map(([, label]) => ts(label));
  if (missing.length > 0) return { ok: false, problem: 'missing', text: ts('missing', { fields: missing.join('、') }) };
  let url: URL;
  try {
    url = new URL(trimmed.serverUrl);
  } catch {
    return { ok: false, problem: 'bad-url', text: ts('badUrl') };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'bad-url', text: ts('badUrl') };
  const origin = allowedServerOrigin(trimmed.serverUrl);
  if (!origin) return { ok: false, problem: 'need-https', text: ts('needHttps') };
  if (!TEAM_ID_PATTERN.test(trimmed.team)) return { ok: false, problem: 'bad-team', text: ts('badTeam') };
  return { ok: true, origin, settings: trimmed, secret: values.secret };
}
