// The documents on the server (issue 16). All are single-writer: only the device named in the id writes it.
//   shop db `orderlens_<team>_<platform>_<shopHash>`:
//     cap:<platform>:<orderId>:<deviceId>        this device's merged record of the order
//     rem:<platform>:<orderId>:<deviceId>:<at>   a reminder this device made
//   team db `orderlens_<team>`:
//     member:<user>                 display name (written by that member)
//     shop:<platform>:<shopHash>    directory: db name, platform, shop (written by setup or any member)
//     claim:<platform>:<orderId>    the latest reminder claim (the only shared document; PUT with _rev, 409 on a race)
import type { OrderRecord, ReminderRecord } from '../db/database';
import type { TeamOrderCopy, TeamReminderCopy } from '../db/merge-team-records';

export interface CapDoc {
  _id: string;
  _rev?: string;
  type: 'cap';
  member: string;
  device: string;
  platform: string;
  orderId: string;
  shop?: string;
  capturedAt: number;
  order: Omit<OrderRecord, 'waybillNos'>;
}

export interface RemDoc {
  _id: string;
  _rev?: string;
  type: 'rem';
  member: string;
  device: string;
  platform: string;
  orderId: string;
  orderKey: string;
  at: number;
  channel: string;
  template: string;
  uncoordinated?: boolean;
}

export interface ClaimDoc {
  _id: string;
  _rev?: string;
  type: 'claim';
  platform: string;
  orderId: string;
  member: string;
  memberName: string;
  device: string;
  at: number;
}

export interface MemberDoc {
  _id: string;
  _rev?: string;
  type: 'member';
  name: string;
}

export interface ShopDirectoryDoc {
  _id: string;
  _rev?: string;
  type: 'shop';
  db: string;
  platform: string;
  shop: string;
}

export const capId = (platform: string, orderId: string, device: string) => `cap:${platform}:${orderId}:${device}`;
export const remId = (platform: string, orderId: string, device: string, at: number) => `rem:${platform}:${orderId}:${device}:${at}`;
export const claimId = (platform: string, orderId: string) => `claim:${platform}:${orderId}`;
export const memberId = (user: string) => `member:${user}`;
export const shopDocId = (platform: string, shopHash: string) => `shop:${platform}:${shopHash}`;

/** Fields that stay on this device: derived index fields. */
function stripLocal(record: OrderRecord): Omit<OrderRecord, 'waybillNos'> {
  const { waybillNos: _derived, ...rest } = record;
  // JSON has no undefined: drop them so equal records give equal documents.
  return JSON.parse(JSON.stringify(rest));
}

export function capDocOf(record: OrderRecord, member: string, device: string): CapDoc {
  const order = stripLocal(record);
  order.capturedBy = [...new Set([...(record.capturedBy ?? []), member])].sort();
  return {
    _id: capId(record.platform, record.orderId, device),
    type: 'cap',
    member,
    device,
    platform: record.platform,
    orderId: record.orderId,
    ...(record.shop !== undefined ? { shop: record.shop } : {}),
    capturedAt: record.firstSeenAt,
    order,
  };
}

export function remDocOf(reminder: ReminderRecord, platform: string, orderId: string, member: string, device: string): RemDoc {
  return {
    _id: remId(platform, orderId, device, reminder.at),
    type: 'rem',
    member,
    device,
    platform,
    orderId,
    orderKey: reminder.orderKey,
    at: reminder.at,
    channel: reminder.channel,
    template: reminder.template,
    ...(reminder.uncoordinated ? { uncoordinated: true } : {}),
  };
}

export function orderCopyOf(doc: CapDoc): TeamOrderCopy {
  return { record: { ...doc.order, waybillNos: doc.order.shipments.map((shipment) => shipment.waybillNo) } as OrderRecord, member: doc.member };
}

export function reminderCopyOf(doc: RemDoc): TeamReminderCopy {
  return {
    remoteId: doc._id,
    orderKey: doc.orderKey,
    at: doc.at,
    channel: doc.channel,
    template: doc.template,
    by: doc.member,
    ...(doc.uncoordinated ? { uncoordinated: true } : {}),
  };
}

export function isCapDoc(doc: unknown): doc is CapDoc {
  const value = doc as Partial<CapDoc> | null;
  return value?.type === 'cap' && typeof value.device === 'string' && typeof value.member === 'string' && typeof value.order?.key === 'string' && Array.isArray(value.order.statusHistory);
}

export function isRemDoc(doc: unknown): doc is RemDoc {
  const value = doc as Partial<RemDoc> | null;
  return value?.type === 'rem' && typeof value.device === 'string' && typeof value.member === 'string' && typeof value.orderKey === 'string' && typeof value.at === 'number';
}
