import { useId } from 'react';
import { niceMax, shortDay } from './chart-scale';

interface DailyChartProps {
  title: string;
  days: readonly string[];
  values: readonly number[];
  format: (value: number) => string;
  kind: string;
}

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 56;
const BOTTOM = 20;
const TOP = 8;

/** One value per day as columns, plain SVG (no chart library); each column names its day and value. */
export function DailyChart({ title, days, values, format, kind }: DailyChartProps) {
  const titleId = useId();
  const max = niceMax(Math.max(0, ...values));
  const plotWidth = WIDTH - LEFT - 4;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const total = values.reduce((sum, value) => sum + value, 0);
  const labelled = days.length <= 1 ? [0] : [0, Math.floor((days.length - 1) / 2), days.length - 1];
  return (
    <figure className="chart">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={titleId}
        data-chart={kind}
        data-days={days.length}
        data-total={total}
        tabIndex={0}
      >
        <desc>{`${days[0] ?? ''} – ${days.at(-1) ?? ''}: ${format(total)}`}</desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {days.map((day, index) => {
          const value = values[index] ?? 0;
          return (
            <rect
              key={day}
              className="chart-bar"
              x={LEFT + index * step + step * 0.12}
              y={y(value)}
              width={Math.max(1, step * 0.76)}
              height={Math.max(0, TOP + plotHeight - y(value))}
              data-day={day}
              data-value={value}
            >
              <title>{`${day}：${format(value)}`}</title>
            </rect>
          );
        })}
        {labelled.map((index) =>
          days[index] ? (
            <text
              key={index}
              className="chart-axis"
              x={index === 0 ? LEFT : index === days.length - 1 ? WIDTH : LEFT + (index + 0.5) * step}
              y={HEIGHT - 4}
              textAnchor={index === 0 ? 'start' : index === days.length - 1 ? 'end' : 'middle'}
            >
              {shortDay(days[index]!)}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
