import { platformName } from '@/components/platform-names';
import { formatBeijing } from '@/utils/model/time';
import type { TrackingRow } from '@/utils/tracking/tracking-rows';
import { exceptionLabel, lang, s, statusLabel } from './strings';

/**
 * Tracking rows (batch tracking, logistics exceptions): order, carrier, waybill, status, last event and
 * links that open the carrier's or kuaidi100's page in a new tab (the extension itself requests nothing).
 */
export function TrackingTable({ rows, showQuery, showException }: { rows: readonly TrackingRow[]; showQuery?: boolean; showException?: boolean }) {
  return (
    <div className="table-wrap">
      <table className="orders tracking">
        <thead>
          <tr>
            {showQuery && <th scope="col">{s('colQuery')}</th>}
            {showException && <th scope="col">{s('colException')}</th>}
            <th scope="col">{s('colPlatform')}</th>
            <th scope="col">{s('colShop')}</th>
            <th scope="col">{s('colOrderId')}</th>
            <th scope="col">{s('colStatus')}</th>
            <th scope="col">{s('colCarrier')}</th>
            <th scope="col">{s('colWaybill')}</th>
            <th scope="col">{s('colLastEvent')}</th>
            <th scope="col">{s('colLastEventAt')}</th>
            <th scope="col">{s('colLinks')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr
              key={`${row.query}|${row.platform ?? ''}|${row.orderId ?? ''}|${row.waybillNo ?? ''}|${index}`}
              data-tracking-row={row.query}
              data-known={row.known ? 'true' : 'false'}
              {...(row.known && row.platform && row.orderId ? { 'data-order-key': `${row.platform}:${row.orderId}` } : {})}
              className={row.known ? undefined : 'unknown'}
            >
              {showQuery && <td className="mono">{row.query}</td>}
              {showException && <td className="exception">{row.exception ? exceptionLabel(row.exception) : ''}</td>}
              {row.known ? (
                <>
                  <td className="nowrap">{platformName(row.platform ?? '', lang)}</td>
                  <td className="shop">{row.shop ?? ''}</td>
                  <td className="mono">{row.orderId}</td>
                  <td className="nowrap" title={row.statusText}>{row.status ? statusLabel(row.status) : (row.statusText ?? '')}</td>
                  <td className="nowrap">{row.carrierName ?? ''}</td>
                  <td className="mono">{row.waybillNo ?? <span className="muted">{s('noWaybillYet')}</span>}</td>
                  <td className="event">{row.lastEventText ?? ''}</td>
                  <td className="nowrap">{row.lastEventAt ? formatBeijing(row.lastEventAt) : ''}</td>
                  <td className="links">
                    {row.links.map((link) => (
                      <a key={link.url} href={link.url} target="_blank" rel="noreferrer noopener">
                        {link.label}
                      </a>
                    ))}
                  </td>
                </>
              ) : (
                <td colSpan={9} className="muted" data-not-found>
                  {s('notFound')}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
