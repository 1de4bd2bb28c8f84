import type { TrackingEvent } from '../model/order';
import { textPieces } from './generic-cells';
import { findBeijingTimes } from '../model/time';

const DATE_OR_TIME = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d{1,2}:\d{2}(?::\d{2})?|周[一二三四五六日天]|星期[一二三四五六日天])$/;

/**
 * Logistics events from the items of a trace list (one element per event, holding its time and its text).
 * Items without a valid time are left out; the page's order is kept.
 */
export function traceEvents(items: readonly Element[]): TrackingEvent[] {
  const events: TrackingEvent[] = [];
  for (const item of items) {
    const pieces = textPieces(item);
    const at = findBeijingTimes(pieces.join(' '))[0];
    if (at === undefined) continue;
    const text = pieces.filter((piece) => !DATE_OR_TIME.test(piece)).join(' ').trim();
    if (!text) continue;
    events.push({ at, text: text.length > 500 ? text.slice(0, 500) : text });
    if (events.length >= 200) break;
  }
  return events;
}

/** The newest event time of a trace. */
export function lastEventAt(events: readonly TrackingEvent[]): number | undefined {
  let last: number | undefined;
  for (const event of events) if (last === undefined || event.at > last) last = event.at;
  return last;
}
