import { useId, type ReactNode } from 'react';
import { platformName } from '@/components/platform-names';
import { beijingDay } from '@/utils/kpi/beijing-day';
import { RANGE_LABELS, dayRange, type RangeId } from '@/utils/kpi/date-ranges';
import { SITES } from '@/utils/sites/registry';
import type { Selection } from './selection';
import { lang, s } from './strings';
import { useShops } from './use-shops';

export const RANGES: RangeId[] = ['today', 'yesterday', 'last7', 'last30', 'last90', 'all', 'custom'];

const ALL = '__all__';

/** Range (with two date inputs for 自定义), platform and shop selectors. */
export function FilterBar({ value, onChange, children }: { value: Selection; onChange: (next: Selection) => void; children?: ReactNode }) {
  const id = useId();
  const shops = useShops();
  const platformShops = value.platform && shops.status === 'ready' ? (shops.value.get(value.platform) ?? []) : [];
  const custom = value.custom ?? dayRange('last7', Date.now());
  return (
    <div className="filter-bar" role="group" aria-label={s('range')}>
      <label htmlFor={`${id}-range`}>{s('range')}</label>
      <select
        id={`${id}-range`}
        data-filter="range"
        value={value.range}
        onChange={(event) => {
          const range = event.target.value as RangeId;
          onChange({ ...value, range, custom: range === 'custom' ? custom : value.custom });
        }}
      >
        {RANGES.map((range) => (
          <option key={range} value={range}>
            {RANGE_LABELS[range][lang]}
          </option>
        ))}
      </select>
      {value.range === 'custom' && (
        <>
          <input
            type="date"
            aria-label={s('from')}
            data-filter="from"
            value={custom.first}
            max={beijingDay(Date.now())}
            onChange={(event) => event.target.value && onChange({ ...value, custom: { ...custom, first: event.target.value } })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="date"
            aria-label={s('to')}
            data-filter="to"
            value={custom.last}
            min={custom.first}
            onChange={(event) => event.target.value && onChange({ ...value, custom: { ...custom, last: event.target.value } })}
          />
        </>
      )}
      <label htmlFor={`${id}-platform`}>{s('platform')}</label>
      <select
        id={`${id}-platform`}
        data-filter="platform"
        value={value.platform ?? ''}
        onChange={(event) => onChange({ ...value, platform: event.target.value || undefined, shop: undefined })}
      >
        <option value="">{s('allPlatforms')}</option>
        {SITES.map((site) => (
          <option key={site.platform} value={site.platform}>
            {platformName(site.platform, lang)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-shop`}>{s('shop')}</label>
      <select
        id={`${id}-shop`}
        data-filter="shop"
        disabled={!value.platform}
        title={value.platform ? undefined : s('shopNeedsPlatform')}
        aria-describedby={value.platform ? undefined : `${id}-shop-hint`}
        value={value.shop ?? ALL}
        onChange={(event) => onChange({ ...value, shop: event.target.value === ALL ? undefined : event.target.value })}
      >
        <option value={ALL}>{s('allShops')}</option>
        {platformShops.map((shop) => (
          <option key={shop} value={shop}>
            {shop || s('noShop')}
          </option>
        ))}
      </select>
      {!value.platform && (
        <span id={`${id}-shop-hint`} className="muted">
          {s('shopNeedsPlatform')}
        </span>
      )}
      {children}
    </div>
  );
}
