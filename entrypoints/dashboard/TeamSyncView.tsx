import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { lang } from '@/components/dashboard/strings';
import { platformName } from '@/components/platform-names';
import { checkSyncForm, type SyncFormValues } from '@/components/sync/sync-form';
import { errorHelp, ts } from '@/components/sync/sync-strings';
import { memberNames, sendSync, syncSettingsItem, syncStateOf, useTeamSyncStatus, type SyncState } from '@/components/sync/use-team-sync';
import '@/components/sync/sync.css';
import { formatBeijing } from '@/utils/model/time';
import {
  SYNC_ERROR_TEXTS,
  type SyncEnableResponse,
  type SyncErrorKind,
  type TeamSyncStatus,
} from '@/utils/sync/sync-protocol';
import { syncPermissionsFor } from '@/utils/sync/sync-permissions';
import { ViewHeading } from './ViewHeading';

const EMPTY_FORM: SyncFormValues = { serverUrl: '', team: '', user: '', secret: '', memberName: '' };

type FormResult = { kind: string; text: string } | null;

const when = (at: number | undefined) => (at === undefined ? ts('never') : formatBeijing(at).slice(0, 19));

const STATE_LABEL: Record<SyncState, Parameters<typeof ts>[0]> = {
  off: 'stateOff',
  connecting: 'stateConnecting',
  ok: 'stateOk',
  error: 'stateError',
};

/** The permission for exactly the server's origin, given back; a failure (already gone) changes nothing. */
async function givePermissionBack(origin: string | undefined): Promise<void> {
  if (!origin) return;
  await browser.permissions.remove(syncPermissionsFor(origin)).catch(() => false);
}

function SyncForm({ onEnabled }: { onEnabled: () => void }) {
  const id = useId();
  const [values, setValues] = useState<SyncFormValues>(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FormResult>(null);
  useEffect(() => {
    // a form filled before (sync turned off since) comes back filled, the password excepted
    void syncSettingsItem.getValue().then((saved) => saved && setValues((now) => ({ ...now, ...saved, secret: '' })));
  }, []);
  const field = (name: keyof SyncFormValues) => ({
    id: `${id}-${name}`,
    name,
    'data-field': name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [name]: event.target.value }),
  });

  const submit = () => {
    const check = checkSyncForm(values);
    if (!check.ok) {
      setResult({ kind: check.problem, text: check.text });
      return;
    }
    setBusy(true);
    setResult(null);
    // no await before the request: the browser only shows its prompt inside the submit's user gesture
    void browser.permissions
      .request(syncPermissionsFor(check.origin))
      .catch(() => false)
      .then(async (granted) => {
        if (!granted) {
          setResult({ kind: 'permission', text: ts('permissionDenied', { origin: check.origin }) });
          return;
        }
        const answer = await sendSync<SyncEnableResponse>({ type: 'orderlens-sync/enable', settings: check.settings, secret: check.secret }).catch(
          (error: unknown): SyncEnableResponse => ({ ok: false, errorKind: 'server', errorText: String((error as Error)?.message ?? error) }),
        );
        if (!answer?.ok) {
          // sync stays off: the server's origin is given back until the next try asks again
          await givePermissionBack(check.origin);
          const kind: SyncErrorKind = answer?.errorKind ?? 'server';
          setResult({ kind, text: ts('enableFailed', { text: answer?.errorText || SYNC_ERROR_TEXTS[kind] }) });
          return;
        }
        setValues((now) => ({ ...now, secret: '' }));
        onEnabled();
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{ts('formHeading')}</h3>
      <form
        className="sync-form"
        data-form="team-sync"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-serverUrl`}>{ts('serverUrl')}</label>
        <input type="url" inputMode="url" autoComplete="url" placeholder={ts('serverUrlPlaceholder')} {...field('serverUrl')} />
        <label htmlFor={`${id}-team`}>{ts('team')}</label>
        <span>
          <input autoComplete="off" aria-describedby={`${id}-team-hint`} {...field('team')} />
          <span id={`${id}-team-hint`} className="muted hint">
            {ts('teamHint')}
          </span>
        </span>
        <label htmlFor={`${id}-user`}>{ts('user')}</label>
        <input autoComplete="username" {...field('user')} />
        <label htmlFor={`${id}-secret`}>{ts('secret')}</label>
        <input type="password" autoComplete="current-password" {...field('secret')} />
        <label htmlFor={`${id}-memberName`}>{ts('memberName')}</label>
        <span>
          <input autoComplete="nickname" aria-describedby={`${id}-member-hint`} {...field('memberName')} />
          <span id={`${id}-member-hint`} className="muted hint">
            {ts('memberNameHint')}
          </span>
        </span>
        <span />
        <span className="toolbar">
          <button type="submit" className="primary" data-action="sync-enable" disabled={busy}>
            {busy ? ts('enabling') : ts('enable')}
          </button>
        </span>
      </form>
      {result && (
        <p role="alert" className="storage-error" data-enable-error={result.kind}>
          {result.text}
        </p>
      )}
      <p className="note">{ts('whatIsSent')}</p>
    </section>
  );
}

function ShopsTable({ status }: { status: TeamSyncStatus }) {
  if (status.shops.length === 0) return <p className="muted">{ts('noShops')}</p>;
  return (
    <div className="table-wrap">
      <table className="orders">
        <thead>
          <tr>
            <th scope="col">{ts('colPlatform')}</th>
            <th scope="col">{ts('colShop')}</th>
            <th scope="col">{ts('colShopState')}</th>
            <th scope="col">{ts('colShopLast')}</th>
          </tr>
        </thead>
        <tbody>
          {status.shops.map((shop) => (
            <tr key={shop.db} data-shop-db={shop.db} data-shop-state={shop.state}>
              <td className="nowrap">{platformName(shop.platform, lang)}</td>
              <td className="shop">{shop.shop}</td>
              <td className={shop.state === 'forbidden' ? 'sync-shop-forbidden' : shop.state === 'ok' ? 'ok' : 'muted'}>
                {shop.state === 'ok' ? ts('shopOk') : shop.state === 'forbidden' ? ts('shopForbidden') : ts('shopPending')}
              </td>
              <td className="nowrap">{when(shop.lastSyncAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatusPanel({ status, onDisabled }: { status: TeamSyncStatus; onDisabled: () => void }) {
  const id = useId();
  const [running, setRunning] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const state = syncStateOf(status);
  const names = memberNames(status);
  const syncNow = async () => {
    setRunning(true);
    try {
      await sendSync({ type: 'orderlens-sync/run' });
    } catch {
      // the status says what went wrong
    } finally {
      setRunning(false);
    }
  };
  const disable = async () => {
    setDisabling(true);
    try {
      await sendSync({ type: 'orderlens-sync/disable' }).catch(() => undefined);
      await givePermissionBack(status.server);
      onDisabled();
    } finally {
      setDisabling(false);
    }
  };
  return (
    <>
      <section
        className="panel sync-status"
        aria-labelledby={`${id}-heading`}
        data-sync-state={state}
        data-error-kind={status.errorKind ?? ''}
        data-pending={status.pending}
        data-last-pass={status.lastPassAt ?? ''}
        data-last-ok={status.lastOkAt ?? ''}
      >
        <h3 id={`${id}-heading`}>
          {ts('statusHeading')}：<span className={`sync-state sync-state-${state}`}>{ts(STATE_LABEL[state])}</span>
        </h3>
        {status.errorKind && (
          <p role="alert" className="storage-error" data-sync-error={status.errorKind}>
            <strong>{status.errorText || SYNC_ERROR_TEXTS[status.errorKind]}</strong> {errorHelp(status.errorKind)}
          </p>
        )}
        <dl className="sync-facts">
          <dt>{ts('server')}</dt>
          <dd className="mono">{status.server ?? ''}</dd>
          <dt>{ts('teamLabel')}</dt>
          <dd>{status.team ?? ''}</dd>
          <dt>{ts('me')}</dt>
          <dd>
            {status.member ?? ''} <span className="muted">{status.user ? `(${status.user})` : ''}</span>
          </dd>
          <dt>{ts('lastPass')}</dt>
          <dd>{when(status.lastPassAt)}</dd>
          <dt>{ts('lastOk')}</dt>
          <dd>{when(status.lastOkAt)}</dd>
          <dt>{ts('pending')}</dt>
          <dd>{ts('pendingValue', { n: status.pending })}</dd>
        </dl>
        {status.progress && status.progress.done < status.progress.total && (
          <p className="progress-row" data-sync-progress={`${status.progress.done}/${status.progress.total}`} data-sync-phase={status.progress.phase ?? ''}>
            <progress max={status.progress.total || 1} value={status.progress.done} aria-label={ts('syncing')} />
            <span>
              {ts(status.progress.phase === 'push' ? 'progressPush' : status.progress.phase === 'apply' ? 'progressApply' : 'progress', {
                done: status.progress.done,
                total: status.progress.total,
              })}
            </span>
          </p>
        )}
        <div className="toolbar">
          <button type="button" className="primary" data-action="sync-now" disabled={running || disabling} onClick={() => void syncNow()}>
            {running || status.running ? ts('syncing') : ts('syncNow')}
          </button>
          <button type="button" data-action="sync-disable" disabled={disabling} onClick={() => void disable()}>
            {ts('disable')}
          </button>
        </div>
        <p className="note">{ts('disableNote')}</p>
      </section>
      {status.duplicates && status.duplicates.length > 0 && (
        <section className="panel danger" aria-labelledby={`${id}-duplicates`} data-sync-duplicates={status.duplicates.length}>
          <h3 id={`${id}-duplicates`}>{ts('duplicatesHeading')}</h3>
          <p className="note">{ts('duplicatesNote')}</p>
          <ul>
            {status.duplicates.map((duplicate) => (
              <li key={`${duplicate.platform}:${duplicate.orderId}`} data-duplicate={`${duplicate.platform}:${duplicate.orderId}`}>
                {ts('duplicateRow', {
                  order: `${platformName(duplicate.platform, lang)} ${duplicate.orderId}`,
                  who: duplicate.by.map((entry) => `${entry.member} ${formatBeijing(entry.at).slice(5, 16)}`).join('、'),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby={`${id}-shops`}>
        <h3 id={`${id}-shops`}>{ts('shopsHeading')}</h3>
        <ShopsTable status={status} />
      </section>
      <section className="panel" aria-labelledby={`${id}-members`}>
        <h3 id={`${id}-members`}>{ts('membersHeading')}</h3>
        {Object.keys(names).length === 0 ? (
          <p className="muted">{ts('noMembers')}</p>
        ) : (
          <ul className="sync-members">
            {Object.entries(names)
              .sort(([, a], [, b]) => a.localeCompare(b, 'zh'))
              .map(([memberId, name]) => (
                <li key={memberId} data-member={memberId}>
                  {name}
                  {memberId === status.user ? ts('meMark') : ''} <span className="muted">{memberId}</span>
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** 团队同步 (#team): turn team sync on (server, team, user, password or token, display name), its status, members. */
export function TeamSyncView() {
  const status = useTeamSyncStatus();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section data-view="team" aria-labelledby="view-heading">
      <ViewHeading label={ts('heading')} />
      <p className="note">{ts('intro')}</p>
      <p className="note">{ts('offNote')}</p>
      {notice && (
        <p role="status" className="ok" data-sync-notice>
          {notice}
        </p>
      )}
      {status === null ? null : status.enabled ? (
        <StatusPanel status={status} onDisabled={() => setNotice(ts('disabled'))} />
      ) : (
        <>
          <section className="panel sync-status" data-sync-state="off" data-error-kind="" data-pending={0} data-last-pass="">
            <h3>
              {ts('statusHeading')}：<span className="sync-state sync-state-off">{ts('stateOff')}</span>
            </h3>
          </section>
          <SyncForm onEnabled={() => setNotice(null)} />
        </>
      )}
    </section>
  );
}
