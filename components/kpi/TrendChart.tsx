import { useId } from 'react';

interface Point {
  day: string;
  orders: number;
  gmv: number;
}

/** Orders (bars) and GMV (line) per day, drawn as plain SVG: no charting library in the popup. */
export function TrendChart({ points, days, title, width = 336, height = 96 }: { points: Point[]; days: string[]; title: string; width?: number; height?: number }) {
  const titleId = useId();
  const byDay = new Map(points.map((point) => [point.day, point]));
  const series = days.map((day) => byDay.get(day) ?? { day, orders: 0, gmv: 0 });
  const maxOrders = Math.max(1, ...series.map((point) => point.orders));
  const maxGmv = Math.max(1, ...series.map((point) => point.gmv));
  const step = width / Math.max(1, series.length);
  const plot = height - 14;
  const line = series
    .map((point, index) => `${(index + 0.5) * step},${plot - (point.gmv / maxGmv) * (plot - 4)}`)
    .join(' ');
  return (
    <svg className="trend" width={width} height={height} role="img" aria-labelledby={titleId} data-trend-days={series.length}>
      <title id={titleId}>{title}</title>
      {series.map((point, index) => (
        <rect
          key={point.day}
          x={index * step + step * 0.15}
          y={plot - (point.orders / maxOrders) * (plot - 4)}
          width={step * 0.7}
          height={(point.orders / maxOrders) * (plot - 4)}
          className="trend-bar"
        >
          <title>{`${point.day}：${point.orders} 单，¥${point.gmv.toFixed(2)}`}</title>
        </rect>
      ))}
      <polyline points={line} className="trend-line" fill="none" />
      <text x={0} y={height - 2} className="trend-axis">
        {series[0]?.day.slice(5) ?? ''}
      </text>
      <text x={width} y={height - 2} textAnchor="end" className="trend-axis">
        {series.at(-1)?.day.slice(5) ?? ''}
      </text>
    </svg>
  );
}
