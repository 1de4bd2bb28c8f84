import { useEffect, useRef, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useRememberedSelection } from '@/components/range-choice';
import { s } from '@/components/dashboard/strings';
import { VIEWS, useHashView } from '@/components/dashboard/use-hash-view';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { BackupView } from './BackupView';
import { BatchView } from './BatchView';
import { DailyView } from './DailyView';
import { ExceptionsView } from './ExceptionsView';
import { ExportView } from './ExportView';
import { ImportView } from './ImportView';
import { OrdersView } from './OrdersView';
import { OverviewView } from './OverviewView';
import { ParseHealthView } from './ParseHealthView';
import { TeamSyncView } from './TeamSyncView';
import { UnpaidView } from './UnpaidView';
import { TemplatesEditor } from '@/components/remind/TemplatesEditor';
import { useDashboardPasses, useTeamSyncStatus } from '@/components/sync/use-team-sync';

function TotalOrders() {
  const db = useDatabase();
  const total = useLiveQuery(() => db.orders.count(), [db]);
  if (total.status !== 'ready') return null;
  return (
    <span className="total" data-total-orders={total.value} aria-live="polite">
      {s('totalOrders', { n: total.value })}
    </span>
  );
}

/** The dashboard: one view at a time, chosen by the location hash (#overview, #orders, #unpaid …). */
export function DashboardApp() {
  const view = useHashView();
  // filters live here so they survive switching views
  const db = useDatabase();
  // one range for the popup and every view, remembered; platform and shop stay per view
  const [overviewSelection, setOverviewSelection] = useRememberedSelection(db);
  const [ordersSelection, setOrdersSelection] = useRememberedSelection(db);
  // team sync on: an open dashboard asks for a pass every few seconds (the worker's alarm is once a minute)
  const syncStatus = useTeamSyncStatus();
  useDashboardPasses(!!syncStatus?.enabled);
  const navigated = useRef(false);
  useEffect(() => {
    // after navigating (not on first load), move focus to the new view's heading for keyboard users
    if (navigated.current) document.getElementById('view-heading')?.focus();
    navigated.current = true;
  }, [view]);
  return (
    <div className="dashboard">
      <header>
        <h1>{s('title')}</h1>
        <TotalOrders />
      </header>
      <nav aria-label={s('navLabel')} className="views">
        {VIEWS.map((item) => (
          <a key={item.id} href={`#${item.id}`} data-nav={item.id} aria-current={view === item.id ? 'page' : undefined}>
            {s(item.label)}
          </a>
        ))}
      </nav>
      <main>
        {view === 'overview' && overviewSelection && <OverviewView selection={overviewSelection} onSelection={setOverviewSelection} />}
        {view === 'daily' && <DailyView />}
        {view === 'orders' && ordersSelection && <OrdersView selection={ordersSelection} onSelection={setOrdersSelection} />}
        {view === 'unpaid' && <UnpaidView />}
        {view === 'templates' && <TemplatesEditor />}
        {view === 'exceptions' && <ExceptionsView />}
        {view === 'batch' && <BatchView />}
        {view === 'import' && <ImportView />}
        {view === 'export' && <ExportView />}
        {view === 'backup' && <BackupView />}
        {view === 'team' && <TeamSyncView />}
        {view === 'parse-health' && <ParseHealthView />}
      </main>
    </div>
  );
}
