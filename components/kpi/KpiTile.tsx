import { t } from '@/utils/i18n/t';
import { formatKpi, type KPI_TILES } from './kpi-meta';

interface KpiTileProps {
  tile: (typeof KPI_TILES)[number];
  value: number | null | undefined;
  /** The previous period's value (今日 → 昨日, 近7天 → the 7 days before), for a delta. */
  previous?: number | null;
  /** 较昨日 / 较上期. */
  previousLabel?: string;
  href?: string;
}

/** One KPI: `data-kpi` and the raw `data-value` (yuan, 0–1, hours) are the test contract of DESIGN.md. */
export function KpiTile({ tile, value, previous, previousLabel = t('vsPrevious'), href }: KpiTileProps) {
  const delta = value !== null && value !== undefined && previous !== null && previous !== undefined ? value - previous : undefined;
  const text = formatKpi(value, tile.format, t('hoursUnit'));
  return (
    <div
      className="tile"
      data-kpi={tile.name}
      {...(value !== null && value !== undefined ? { 'data-value': String(value) } : {})}
      title={t(tile.definition)}
      tabIndex={0}
    >
      <span className="tile-label">{t(tile.label)}</span>
      {href ? (
        <a className="tile-value" href={href} target="_blank" rel="noreferrer">
          {text}
        </a>
      ) : (
        <span className="tile-value">{text}</span>
      )}
      {delta !== undefined && (
        <span className={`tile-delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}`}>
          {previousLabel} {delta > 0 ? '+' : ''}
          {formatKpi(delta, tile.format, t('hoursUnit'))}
        </span>
      )}
    </div>
  );
}
