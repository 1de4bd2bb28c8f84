import { useId } from 'react';
import { niceMax } from './chart-scale';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const WIDTH = 480;
const ROW = 24;
const LABEL = 120;
const VALUE = 64;

/** Horizontal bars (status breakdown, provinces), plain SVG; `data-bar` / `data-value` per row. */
export function BarList({ title, bars, format = (value) => value.toLocaleString('zh-CN'), kind }: { title: string; bars: readonly Bar[]; format?: (value: number) => string; kind: string }) {
  const titleId = useId();
  const max = niceMax(Math.max(0, ...bars.map((bar) => bar.value)));
  const barWidth = WIDTH - LABEL - VALUE - 8;
  const height = Math.max(1, bars.length) * ROW;
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} data-chart={kind} tabIndex={0}>
        <desc>{bars.map((bar) => `${bar.label} ${format(bar.value)}`).join('，')}</desc>
        {bars.map((bar, index) => {
          const top = index * ROW;
          return (
            <g key={bar.key} data-bar={bar.key} data-value={bar.value}>
              <title>{`${bar.label}：${format(bar.value)}`}</title>
              <text className="bar-label" x={LABEL - 8} y={top + ROW / 2 + 4} textAnchor="end">
                {bar.label}
              </text>
              <rect className="bar" x={LABEL} y={top + 4} height={ROW - 8} width={Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barWidth)} rx={2} />
              <text className="bar-value" x={LABEL + (bar.value / max) * barWidth + 6} y={top + ROW / 2 + 4}>
                {format(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
