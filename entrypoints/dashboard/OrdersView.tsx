import { useEffect, useId, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { OrderRows } from '@/components/dashboard/OrderRows';
import { queryOf, selectionDeps, type Selection } from '@/components/dashboard/selection';
import { s, statusLabel } from '@/components/dashboard/strings';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { countOrders, pageOrders, searchOrders, PAGE_SIZE, type PageCursor, type SearchPage } from '@/utils/db/order-queries';
import { ORDER_STATUSES, type OrderStatus } from '@/utils/model/status';
import { SITES } from '@/utils/sites/registry';
import { capturedByMember, countMemberOrders, pageMemberOrders } from '@/components/sync/member-orders';
import { ts } from '@/components/sync/sync-strings';
import { TeamCell, useRemindersOf } from '@/components/sync/TeamCell';
import { memberNames, useTeamSyncStatus } from '@/components/sync/use-team-sync';
import '@/components/sync/sync.css';
import { ViewHeading } from './ViewHeading';

const PLATFORMS = SITES.map((site) => site.platform);
const SEARCH_DELAY_MS = 250;

/** 订单: search and filters, 100 orders a page, paged by keyset over the createdAt indexes. */
export function OrdersView({ selection, onSelection }: { selection: Selection; onSelection: (next: Selection) => void }) {
  const db = useDatabase();
  const id = useId();
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  const [status, setStatus] = useState<OrderStatus | undefined>(undefined);
  // team sync: who captured an order (capturedBy) filters the list; the team column says who captured and reminded
  const syncStatus = useTeamSyncStatus();
  const names = memberNames(syncStatus);
  const showTeam = !!syncStatus?.enabled || Object.keys(names).length > 0;
  const [member, setMember] = useState<string | undefined>(undefined);
  const memberFilter = showTeam ? member : undefined;
  // a record without capturedBy holds this browser's captures only: this member's
  const self = syncStatus?.enabled ? syncStatus.user : undefined;
  const deps = [...selectionDeps(selection), status, term, memberFilter];
  // cursors[i] starts page i + 1 (the first page has none); any change of filters starts again at page 1
  const signature = JSON.stringify(deps);
  const [paging, setPaging] = useState<{ signature: string; cursors: (PageCursor | undefined)[] }>({ signature, cursors: [undefined] });
  const cursors = paging.signature === signature ? paging.cursors : [undefined];
  const setCursors = (next: (PageCursor | undefined)[]) => setPaging({ signature, cursors: next });
  const cursor = cursors.at(-1);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(input.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const page = useLiveQuery<SearchPage | (Awaited<ReturnType<typeof pageOrders>> & { via?: undefined })>(() => {
    const query = { ...queryOf(selection), status };
    if (memberFilter) return memberPage(query);
    return term ? searchOrders(db, PLATFORMS, term, query, cursor, PAGE_SIZE) : pageOrders(db, query, cursor, PAGE_SIZE);
  }, [db, cursor, ...deps]);
  async function memberPage(query: ReturnType<typeof queryOf> & { status?: OrderStatus }): Promise<SearchPage | Awaited<ReturnType<typeof pageOrders>>> {
    if (!term) return pageMemberOrders(db, query, memberFilter!, cursor, PAGE_SIZE, self);
    const found = await searchOrders(db, PLATFORMS, term, query, cursor, PAGE_SIZE);
    if (found.via === 'number') return { ...found, orders: found.orders.filter((order) => capturedByMember(order, memberFilter!, self)) };
    return { ...(await pageMemberOrders(db, { ...query, buyer: term }, memberFilter!, cursor, PAGE_SIZE, self)), via: 'buyer' };
  }
  const matched = useLiveQuery(
    async () => (term ? null : memberFilter ? countMemberOrders(db, { ...queryOf(selection), status }, memberFilter, self) : countOrders(db, { ...queryOf(selection), status })),
    [db, ...deps],
  );
  const reminders = useRemindersOf(showTeam && page.status === 'ready' ? page.value.orders : undefined);

  const pageNumber = cursors.length;
  return (
    <section data-view="orders" aria-labelledby="view-heading">
      <ViewHeading label={s('navOrders')} />
      <FilterBar value={selection} onChange={onSelection}>
        <label htmlFor={`${id}-status`}>{s('status')}</label>
        <select
          id={`${id}-status`}
          data-filter="status"
          value={status ?? ''}
          onChange={(event) => setStatus((event.target.value || undefined) as OrderStatus | undefined)}
        >
          <option value="">{s('allStatuses')}</option>
          {ORDER_STATUSES.map((value) => (
            <option key={value} value={value}>
              {statusLabel(value)}
            </option>
          ))}
        </select>
        {showTeam && (
          <>
            <label htmlFor={`${id}-member`}>{ts('member')}</label>
            <select id={`${id}-member`} data-filter="member" value={memberFilter ?? ''} onChange={(event) => setMember(event.target.value || undefined)}>
              <option value="">{ts('allMembers')}</option>
              {Object.entries(names).map(([memberId, name]) => (
                <option key={memberId} value={memberId}>
                  {name}
                </option>
              ))}
            </select>
          </>
        )}
      </FilterBar>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setTerm(input.trim());
        }}
      >
        <input
          type="search"
          data-search="orders"
          placeholder={s('searchPlaceholder')}
          aria-label={s('searchLabel')}
          value={input}
          onChange={(event) => setInput(event.target.value)}
        />
        <span aria-live="polite" data-matched={matched.status === 'ready' && matched.value !== null ? matched.value : undefined}>
          {matched.status === 'ready' && matched.value !== null && s('matches', { n: matched.value })}
          {page.status === 'ready' && page.value.via === 'number' && s('searchViaNumber', { n: page.value.orders.length })}
          {page.status === 'ready' && page.value.via === 'buyer' && s('searchViaBuyer')}
        </span>
      </form>
      {page.status === 'error' && <p role="alert">{s('loadFailed', { error: String(page.error) })}</p>}
      {page.status === 'ready' &&
        (page.value.orders.length === 0 ? (
          <p className="empty">{s('noMatch')}</p>
        ) : (
          <OrderRows
            orders={page.value.orders}
            extra={
              showTeam
                ? { header: ts('colTeam'), cell: (order) => <TeamCell key="team" order={order} self={self} reminders={reminders.get(order.key)} names={names} me={syncStatus?.member} /> }
                : undefined
            }
          />
        ))}
      <nav className="pager" aria-label={s('pager')}>
        <button type="button" data-action="prev-page" disabled={pageNumber === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {s('prev')}
        </button>
        <span data-page={pageNumber}>{s('page', { n: pageNumber })}</span>
        <button
          type="button"
          data-action="next-page"
          disabled={page.status !== 'ready' || !page.value.next}
          onClick={() => page.status === 'ready' && page.value.next && setCursors([...cursors, page.value.next])}
        >
          {s('next')}
        </button>
      </nav>
    </section>
  );
}
