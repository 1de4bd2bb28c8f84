import { useEffect, useId, useState } from 'react';
import { useDatabase } from '@/components/DatabaseGate';
import { useRememberedSelection } from '@/components/range-choice';
import { FilterBar } from '@/components/dashboard/FilterBar';
import { dayRangeOf, selectionDeps, type Selection } from '@/components/dashboard/selection';
import { s } from '@/components/dashboard/strings';
import { TrackingTable } from '@/components/dashboard/TrackingTable';
import { useExceptionRules } from '@/components/dashboard/use-exception-rules';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import { STALLED_HOURS_MAX, STALLED_HOURS_MIN, clampStalledHours, exceptionRulesItem } from '@/utils/background/dashboard-settings';
import { readLogisticsExceptions } from '@/utils/db/read-kpis';
import type { ExceptionKind } from '@/utils/kpi/logistics-exceptions';
import { trackingRowsOf } from '@/utils/tracking/tracking-rows';
import { ViewHeading } from './ViewHeading';

const KIND_ORDER: Record<ExceptionKind, number> = { delivery_failed: 0, returned: 1, stalled: 2, late_shipment: 3 };

function ThresholdSetting({ hours }: { hours: number }) {
  const id = useId();
  const [draft, setDraft] = useState(String(hours));
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(String(hours)), [hours]);
  const save = async () => {
    const next = clampStalledHours(Number(draft));
    setDraft(String(next));
    await exceptionRulesItem.setValue({ stalledHours: next });
    setSaved(true);
  };
  return (
    <form
      className="toolbar"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-hours`}>{s('thresholdLabel')}</label>
      <input
        id={`${id}-hours`}
        type="number"
        inputMode="numeric"
        min={STALLED_HOURS_MIN}
        max={STALLED_HOURS_MAX}
        step={1}
        data-setting="stalled-hours"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setSaved(false);
        }}
      />
      <button type="submit">{s('thresholdSave')}</button>
      <span aria-live="polite">{saved ? s('thresholdSaved') : ''}</span>
    </form>
  );
}

/** 物流异常: orders stalled, failed, returned or shipped late, with carrier, last event and tracking links. */
export function ExceptionsView() {
  const db = useDatabase();
  const rules = useExceptionRules();
  const [remembered, setSelection] = useRememberedSelection(db);
  const selection: Selection = remembered ?? { range: 'all' };
  const list = useLiveQuery(async () => {
    if (!rules) return null;
    const now = Date.now();
    const found = await readLogisticsExceptions(db, { range: dayRangeOf(selection, now), platform: selection.platform, shop: selection.shop }, now, rules);
    found.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.order.createdAt ?? 0) - (b.order.createdAt ?? 0));
    return { orders: found.length, rows: found.flatMap(({ order }) => trackingRowsOf(order, now, rules)) };
  }, [db, rules?.stalledHours, ...selectionDeps(selection)]);
  return (
    <section data-view="exceptions" aria-labelledby="view-heading">
      <ViewHeading label={s('exceptionsHeading')} />
      {rules && (
        <>
          <p className="note">{s('exceptionsIntro', { h: rules.stalledHours })}</p>
          <ThresholdSetting hours={rules.stalledHours} />
        </>
      )}
      <FilterBar value={selection} onChange={setSelection} />
      {list.status === 'ready' && list.value && (
        <>
          <p data-exceptions-count={list.value.orders}>{s('exceptionsCount', { n: list.value.orders })}</p>
          {list.value.rows.length === 0 ? <p className="empty">{s('noExceptions')}</p> : <TrackingTable rows={list.value.rows} showException />}
        </>
      )}
    </section>
  );
}
