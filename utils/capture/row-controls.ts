import type { CapturedOrder } from '../model/order';
import type { OrderStatus } from '../model/status';
import { formatBeijing } from '../model/time';
import { describeUnpaidAge } from '../remind/reminder-guard';

export type ControlName = 'track' | 'remind';

/** What the database knows about a row's order beyond the row itself (from the background). */
export interface KnownRowState {
  hasWaybill: boolean;
  reminders: number;
  lastReminderAt?: number;
  /** End of the payment window the background knows (printed, or estimated from the console's window). */
  payDeadline?: { at: number; estimated: boolean };
}

const TRACKABLE: ReadonlySet<OrderStatus> = new Set(['shipped', 'delivered', 'completed']);

/** DESIGN.md test contract: 查物流 on orders with a waybill or a shipped status, 催付 on unpaid orders. */
export function controlsFor(order: CapturedOrder, known?: KnownRowState): ControlName[] {
  const names: ControlName[] = [];
  const hasWaybill = order.shipments.length > 0 || !!known?.hasWaybill;
  if (hasWaybill || (order.status && TRACKABLE.has(order.status))) names.push('track');
  if (order.status === 'unpaid') names.push('remind');
  return names;
}

const LABELS: Record<ControlName, { zh: string; en: string }> = {
  track: { zh: '查物流', en: 'Track' },
  remind: { zh: '催付', en: 'Remind' },
};

// Where the console has its own 催付 on the row (快手小店 does), ours says what it adds: a templated message,
// the reminder log and the cooldown — so two buttons reading 催付 never stand side by side.
const REMIND_BESIDE_CONSOLE = { zh: '话术催付', en: 'Remind (template)' };
const REMIND_TITLE = { zh: 'OrderLens：按模板生成催付话术并复制，记录催付，冷却时间内不重复催付', en: 'OrderLens: templated message copied, reminder logged, no repeat within the cooldown' };

/** True when the console itself offers 催付 on this row (a link or button of its own). */
function consoleHasRemind(row: Element): boolean {
  const text = row.textContent ?? '';
  if (!text.includes('催付') && !text.includes('提醒付款')) return false;
  for (const control of row.querySelectorAll('a, button, [role="button"]')) {
    if (control.closest('[data-orderlens]')) continue;
    const text = control.textContent?.trim();
    if (text === '催付' || text === '催付款' || text === '提醒付款') return true;
  }
  return false;
}

/** What each controls box shows (order, controls, notes), kept off the DOM: fewer attribute writes per row. */
const signatures = new WeakMap<Element, string>();

function defaultAnchor(row: Element): Element {
  // A <table> per order (千牛 new list) or a <tr>: a span directly inside would be misplaced by layout.
  const tag = row.tagName.toLowerCase();
  if (tag === 'table' || tag === 'tbody' || tag === 'tr') return row.querySelector('td, th') ?? row;
  return row;
}

/**
 * Time left to pay where the window is known (the row's printed deadline, else the background's estimate
 * while it is still ahead: a live row printing 待支付 past our estimate means the shop's window is longer),
 * else the order's age.
 */
function unpaidLabel(order: CapturedOrder, known: KnownRowState | undefined, now: number): string {
  const deadline = order.payDeadlineAt !== undefined ? { at: order.payDeadlineAt, estimated: false } : known?.payDeadline;
  const usable = deadline && (!deadline.estimated || deadline.at > now) ? deadline : undefined;
  return describeUnpaidAge(order.createdAt, usable?.at, now, usable?.estimated);
}

function reminderNote(known: KnownRowState | undefined): string {
  if (!known?.reminders || known.lastReminderAt === undefined) return '';
  return `已催付${known.reminders > 1 ? ` ${known.reminders} 次` : ''} · ${formatBeijing(known.lastReminderAt).slice(5, 16)}`;
}

/**
 * Marks the row with `data-orderlens-row` and gives it exactly the controls its order needs. Idempotent:
 * a row re-rendered in place for another order gets its marker and controls replaced, never duplicated.
 * Returns true when it changed the DOM.
 */
export function ensureRowControls(
  row: Element,
  order: CapturedOrder,
  anchor?: Element | { insertAfter: Element },
  known?: KnownRowState,
  lang: 'zh' | 'en' = 'zh',
): boolean {
  const doc = row.ownerDocument;
  const wanted = controlsFor(order, known);
  const note = wanted.includes('remind') ? reminderNote(known) : '';
  const age = wanted.includes('remind') ? unpaidLabel(order, known, Date.now()) : '';
  const signature = `${order.orderId}|${wanted.join(',')}|${note}|${age}`;
  let changed = false;
  const marker = row.getAttribute('data-orderlens-row');
  if (marker !== order.orderId) {
    row.setAttribute('data-orderlens-row', order.orderId);
    changed = true;
  }
  // A row never marked has none of our controls: skip the search (1,000-row pages, DESIGN.md budget).
  const existing = marker === null ? [] : Array.from(row.querySelectorAll('[data-orderlens="controls"]'));
  const current = existing.find((el) => signatures.get(el) === signature);
  for (const el of existing) if (el !== current) (el.remove(), (changed = true));
  if (current || wanted.length === 0) return changed;
  const box = doc.createElement('span');
  box.setAttribute('data-orderlens', 'controls');
  signatures.set(box, signature);
  for (const name of wanted) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('data-orderlens', name);
    const beside = name === 'remind' && consoleHasRemind(row);
    button.textContent = beside ? REMIND_BESIDE_CONSOLE[lang] : LABELS[name][lang];
    if (beside) button.title = REMIND_TITLE[lang];
    if (name === 'remind' && note) {
      button.setAttribute('data-orderlens-reminded', String(known?.lastReminderAt ?? ''));
      button.title = note;
    }
    box.append(button);
  }
  if (age) {
    const ageLabel = doc.createElement('span');
    ageLabel.setAttribute('data-orderlens-state', 'age');
    ageLabel.textContent = age;
    box.append(ageLabel);
  }
  if (note) {
    const state = doc.createElement('span');
    state.setAttribute('data-orderlens-state', 'reminded');
    state.textContent = note;
    box.append(state);
  }
  if (anchor && 'insertAfter' in anchor) anchor.insertAfter.after(box);
  else (anchor ?? defaultAnchor(row)).append(box);
  return true;
}

/** True for nodes OrderLens itself put into the page (so its own insertions do not trigger re-reads). */
export function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest('[data-orderlens]');
}
