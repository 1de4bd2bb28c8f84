import { parseBeijingTime } from '../../model/time';
import { isPlaceholder } from '../generic-cells';
import { labelHits } from './label-value';
import { type RowText, rowTextOf } from './row-text';

/**
 * A parcel's trace without a class name (issue 11): every text printed as a whole Beijing time that is no
 * label's value (`下单时间：…`, `发货时间 …` are the order's times) starts an event; the event's element is the
 * largest one around that time holding no other such time, and its other texts, joined by a space, are the
 * event's words — in either order (抖店 prints the words first, 快手 the time first). A page printing
 * several parcels (`包裹1` / `包裹2`) gives each waybill the events inside its own block: the largest element
 * around the number that holds no other waybill.
 */
export interface TraceEvent {
  at: number;
  text: string;
}

const WHOLE_TIME = /^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?$/;
const ACTION = /^(?:查看|复制|展开|收起|更多|详情|查看更多|联系快递员|投诉)$/;
const MAX_EVENTS = 200;
const STEP_TITLE = /^(?:买家|商家|卖家|平台|系统)?(?:下单|付款|支付|发货|签收|收货|确认收货|完成|交易成功|交易完成|评价|申请售后)$/;

interface Located extends TraceEvent {
  element: Element;
}

function timelineTimes(text: RowText): number[] {
  const labelled = new Set<number>();
  for (const hit of labelHits(text)) labelled.add(hit.valuePiece);
  const out: number[] = [];
  text.pieces.forEach((piece, i) => {
    if (!labelled.has(i) && WHOLE_TIME.test(piece) && !LABEL_BEFORE.test(text.pieces[i - 1] ?? '')) out.push(i);
  });
  return out;
}

/** A label right before the time (`签收时间` `2026-…`, a label the floor's vocabulary does not know). */
const LABEL_BEFORE = /(?:时间|日期)\s*[：:]?$/;

function eventsOf(text: RowText): Located[] {
  const times = timelineTimes(text);
  if (times.length === 0) return [];
  const timeAt = new Set(times);
  // an event's element holds no label (`运单号：`, `物流公司`): those are the parcel's header, not its trace
  const labelled = new Set<number>();
  for (const hit of labelHits(text)) labelled.add(hit.piece);
  const events: Located[] = [];
  for (const i of times) {
    if (events.length >= MAX_EVENTS) break;
    const at = parseBeijingTime(text.pieces[i]!);
    if (at === null) continue;
    let element: Element = text.owners[i]!;
    let span: [number, number] = [i, i];
    for (let el: Element | null = element.parentElement; el && el !== text.row.parentElement; el = el.parentElement) {
      let from = span[0];
      let to = span[1];
      while (from > 0 && el.contains(text.owners[from - 1]!)) from -= 1;
      while (to < text.pieces.length - 1 && el.contains(text.owners[to + 1]!)) to += 1;
      let other = false;
      for (let j = from; j <= to && !other; j += 1) if ((j !== i && timeAt.has(j)) || labelled.has(j)) other = true;
      if (other) break;
      element = el;
      span = [from, to];
      if (el === text.row) break;
    }
    const words: string[] = [];
    for (let j = span[0]; j <= span[1]; j += 1) {
      const piece = text.pieces[j]!;
      if (j !== i && !isPlaceholder(piece) && !ACTION.test(piece)) words.push(piece);
    }
    const joined = words.join(' ').slice(0, 500);
    // a progress step (`买家签收` over its time) is the order's, not the parcel's
    if (joined && !STEP_TITLE.test(joined)) events.push({ at, text: joined, element });
  }
  return events;
}

/** Every event printed in `scope`, in page order. */
export function traceEventsIn(scope: Element): TraceEvent[] {
  try {
    return eventsOf(rowTextOf(scope)).map(({ at, text }) => ({ at, text }));
  } catch {
    return [];
  }
}

/**
 * The events of each waybill printed in `scope`: those inside the waybill's own block. With one waybill (or
 * none found in the text), every event is its.
 */
export function traceEventsByWaybill(scope: Element, waybills: readonly string[]): Map<string, TraceEvent[]> {
  const out = new Map<string, TraceEvent[]>();
  try {
    const text = rowTextOf(scope);
    const events = eventsOf(text);
    if (waybills.length === 0 || events.length === 0) return out;
    if (waybills.length === 1) {
      out.set(waybills[0]!, events.map(({ at, text: words }) => ({ at, text: words })));
      return out;
    }
    const pieceOf = (waybill: string) => text.pieces.findIndex((piece) => piece.includes(waybill));
    const at = waybills.map(pieceOf);
    waybills.forEach((waybill, k) => {
      const i = at[k]!;
      if (i < 0) return;
      let block: Element | undefined;
      for (let el: Element | null = text.owners[i]!; el && el !== text.row; el = el.parentElement) {
        const holdsOther = at.some((j, m) => m !== k && j >= 0 && el!.contains(text.owners[j]!));
        if (holdsOther) break;
        block = el;
      }
      if (!block) return;
      const own = events.filter((event) => block!.contains(event.element)).map(({ at: when, text: words }) => ({ at: when, text: words }));
      if (own.length > 0) out.set(waybill, own);
    });
  } catch {
    // odd markup: no events rather than a throw into the page
  }
  return out;
}
