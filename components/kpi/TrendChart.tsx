import { useId } from 'react';
import type { BucketUnit, TrendBucket } from '@/utils/kpi/trend-buckets';
import { t } from '@/utils/i18n/t';

const UNIT_LABEL = { day: 'trendByDay', week: 'trendByWeek', month: 'trendByMonth' } as const;

const short = (day: string, unit: BucketUnit) => (unit === 'month' ? day.slice(0, 7) : day.slice(5));
const yuan = (value: number) => `¥${value >= 10_000 ? `${(value / 10_000).toFixed(1)}万` : value.toFixed(0)}`;

/**
 * Orders (bars) and GMV (line) of the selected range and platform, by day, week or month; plain SVG (no
 * charting library in the popup). A legend names both series, the two axes carry their maxima and units,
 * the first and last bucket are dated, and every bar names its period and values.
 */
export function TrendChart({ buckets, unit, title, width = 356, height = 124 }: { buckets: TrendBucket[]; unit: BucketUnit; title: string; width?: number; height?: number }) {
  const titleId = useId();
  const maxOrders = Math.max(1, ...buckets.map((bucket) => bucket.orders));
  const maxGmv = Math.max(1, ...buckets.map((bucket) => bucket.gmv));
  const top = 20;
  const left = 28;
  const right = 40;
  const plot = height - top - 14;
  const plotWidth = width - left - right;
  const step = plotWidth / Math.max(1, buckets.length);
  const y = (value: number, max: number) => top + plot - (value / max) * plot;
  const line = buckets.map((bucket, index) => `${left + (index + 0.5) * step},${y(bucket.gmv, maxGmv)}`).join(' ');
  const period = buckets.length ? `${short(buckets[0]!.first, unit)} – ${short(buckets.at(-1)!.last, unit)}` : '';
  return (
    <figure className="trend-figure">
      <figcaption id={titleId}>
        {title} · {t(UNIT_LABEL[unit])}
      </figcaption>
      <svg className="trend" width={width} height={height} role="img" aria-labelledby={titleId} data-trend-buckets={buckets.length} data-trend-unit={unit} data-trend-period={period}>
        <g className="trend-legend">
          <rect x={left} y={4} width={10} height={8} className="trend-bar" />
          <text x={left + 14} y={12} className="trend-axis">
            {t('trendOrders')}
          </text>
          <line x1={left + 110} y1={8} x2={left + 124} y2={8} className="trend-line" />
          <text x={left + 128} y={12} className="trend-axis">
            {t('trendGmv')}
          </text>
        </g>
        <text x={left - 3} y={top + 8} textAnchor="end" className="trend-axis">
          {maxOrders}
        </text>
        <text x={left - 3} y={top + plot} textAnchor="end" className="trend-axis">
          0
        </text>
        <text x={width - right + 3} y={top + 8} className="trend-axis">
          {yuan(maxGmv)}
        </text>
        <line x1={left} y1={top + plot} x2={width - right} y2={top + plot} className="trend-baseline" />
        {buckets.map((bucket, index) => (
          <rect key={bucket.first} x={left + index * step + step * 0.15} y={y(bucket.orders, maxOrders)} width={step * 0.7} height={top + plot - y(bucket.orders, maxOrders)} className="trend-bar">
            <title>{`${bucket.first === bucket.last ? bucket.first : `${bucket.first} – ${bucket.last}`}：${bucket.orders} ${t('trendOrdersUnit')}，¥${bucket.gmv.toFixed(2)}`}</title>
          </rect>
        ))}
        {buckets.length > 1 && <polyline points={line} className="trend-line" fill="none" />}
        <text x={left} y={height - 2} className="trend-axis">
          {buckets[0] ? short(buckets[0].first, unit) : ''}
        </text>
        <text x={width - right} y={height - 2} textAnchor="end" className="trend-axis">
          {buckets.at(-1) ? short(buckets.at(-1)!.last, unit) : ''}
        </text>
      </svg>
    </figure>
  );
}
