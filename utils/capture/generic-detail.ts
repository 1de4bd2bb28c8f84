import type { CapturedOrderInput, Shipment } from '../model/order';
import { type ParseDiagnostics, recordStrategy } from './diagnostics';
import { boundedText, carriersIn, moneyCell, statusOf, timeCell, waybillsIn } from './generic-cells';
import { type LabelValue, valueOf, valuesOf } from './generic-labels';
import { lastEventAt, traceEvents } from './generic-trace';
import { pickAll, type SelectorEntry } from './fast-query';

/** The labels a detail page prints its fields under, per field (each console passes its own words). */
export interface DetailLabels {
  createdAt?: readonly string[];
  paidAt?: readonly string[];
  shippedAt?: readonly string[];
  deliveredAt?: readonly string[];
  completedAt?: readonly string[];
  promisedShipAt?: readonly string[];
  status?: readonly string[];
  amount?: readonly string[];
  buyer?: readonly string[];
  paymentMethod?: readonly string[];
  carrier?: readonly string[];
  waybill?: readonly string[];
}

const TIME_FIELDS = ['createdAt', 'paidAt', 'shippedAt', 'deliveredAt', 'completedAt', 'promisedShipAt'] as const;

/**
 * Order-level fields of a detail page from its `label：value` pairs. A printed time or amount that is not
 * valid skips the order (`bad-time`, `bad-amount`): a wrong value is never produced.
 */
export function readDetailFields(
  values: readonly LabelValue[],
  labels: DetailLabels,
  diag: ParseDiagnostics,
): { order: Partial<CapturedOrderInput> } | { skip: string } {
  const order: Partial<CapturedOrderInput> = {};
  for (const field of TIME_FIELDS) {
    const hit = valueOf(values, labels[field] ?? []);
    if (!hit) continue;
    const time = timeCell(hit.value);
    if (time.kind === 'bad') return { skip: 'bad-time' };
    if (time.kind === 'value') {
      order[field] = time.value;
      recordStrategy(diag, field, `label:${hit.label}`);
    }
  }
  const amountHit = valueOf(values, labels.amount ?? []);
  if (amountHit) {
    const amount = moneyCell(amountHit.value);
    if (amount.kind === 'bad') return { skip: 'bad-amount' };
    if (amount.kind === 'value') {
      order.amountCents = amount.value;
      recordStrategy(diag, 'amount', `label:${amountHit.label}`);
    }
  }
  const statusHit = valueOf(values, labels.status ?? []);
  const status = statusHit ? statusOf([statusHit.value]) : null;
  if (status?.status) {
    order.status = status.status;
    order.statusText = status.statusText;
    recordStrategy(diag, 'status', `label:${statusHit!.label}`);
  }
  const buyerHit = valueOf(values, labels.buyer ?? []);
  const buyer = buyerHit ? boundedText(buyerHit.value, 80) : null;
  if (buyer) {
    order.buyer = buyer;
    recordStrategy(diag, 'buyer', `label:${buyerHit!.label}`);
  }
  const paymentHit = valueOf(values, labels.paymentMethod ?? []);
  const paymentMethod = paymentHit ? boundedText(paymentHit.value, 40) : null;
  if (paymentMethod) {
    order.paymentMethod = paymentMethod;
    recordStrategy(diag, 'paymentMethod', `label:${paymentHit!.label}`);
  }
  return { order };
}

/**
 * Every waybill a detail page prints (`快递单号：…`), with the carrier printed in the same package block (or,
 * without package blocks, the carrier printed in the same position) and the events of that block's trace.
 */
export function readShipments(
  values: readonly LabelValue[],
  labels: DetailLabels,
  blocks: readonly Element[],
  traceChain: readonly SelectorEntry[],
  diag: ParseDiagnostics,
): Shipment[] {
  const waybillHits = valuesOf(values, labels.waybill ?? []);
  const carrierHits = valuesOf(values, labels.carrier ?? []);
  const shipments: Shipment[] = [];
  waybillHits.forEach((hit, position) => {
    const waybillNo = waybillsIn(hit.value)[0];
    if (!waybillNo || shipments.some((shipment) => shipment.waybillNo === waybillNo) || shipments.length >= 20) return;
    const block = blocks.find((candidate) => candidate.contains(hit.element));
    const carrierHit = block
      ? carrierHits.find((carrier) => block.contains(carrier.element))
      : carrierHits.length === waybillHits.length
        ? carrierHits[position]
        : carrierHits.length === 1
          ? carrierHits[0]
          : undefined;
    const carrierName = carrierHit ? carriersIn([carrierHit.value])[0] : undefined;
    const events = block ? traceEvents(pickAll(block, traceChain).elements) : [];
    const shipment: Shipment = { waybillNo, events };
    if (carrierName) shipment.carrierName = carrierName;
    const last = lastEventAt(events);
    if (last !== undefined) shipment.lastEventAt = last;
    shipments.push(shipment);
    recordStrategy(diag, 'waybills', block ? 'label:package-block' : 'label:page-order');
  });
  return shipments;
}
