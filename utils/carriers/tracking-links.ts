import { carrierByCode, trackingCarrier, type CarrierInfo } from './carriers';
import { normalizeWaybillNo } from './waybill-formats';

export interface TrackingLink {
  label: string;
  url: string;
  kind: 'official' | 'kuaidi100';
}

const KUAIDI100 = 'https://www.kuaidi100.com/chaxun';

/**
 * Where a waybill can be tracked: the carrier's own page first where consoles.md rates it (SF H; EMS/邮政 M;
 * ZTO, JD lower — see carriers.ts), then kuaidi100 always (empty `com` = kuaidi100's auto-detect when the
 * carrier is unknown or ambiguous). 百世 tracks as 极兔. `carrier` is a CarrierInfo or our carrier code.
 * Empty when the number is not a plain letters-and-digits waybill: no URL is built from anything else.
 */
export function trackingLinks(waybillNo: string, carrier?: CarrierInfo | string | null): TrackingLink[] {
  const no = normalizeWaybillNo(waybillNo);
  if (!no) return [];
  // Only the table's own entries (and so only its URL templates) are used, whatever object the caller holds.
  const known = carrier ? carrierByCode(typeof carrier === 'string' ? carrier : carrier.code) : undefined;
  const target = known ? trackingCarrier(known) : undefined;
  const nu = encodeURIComponent(no);
  const links: TrackingLink[] = [];
  if (target?.official) {
    links.push({ label: `${target.nameZh}官网查询`, url: target.official.urlTemplate.replace('{no}', nu), kind: 'official' });
  }
  const com = encodeURIComponent(target?.kuaidi100 ?? '');
  links.push({ label: '快递100 查询', url: `${KUAIDI100}?com=${com}&nu=${nu}`, kind: 'kuaidi100' });
  return links;
}
