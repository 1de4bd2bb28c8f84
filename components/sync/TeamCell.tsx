import { useDatabase } from '@/components/DatabaseGate';
import { useLiveQuery } from '@/components/hooks/use-live-query';
import type { OrderRecord, ReminderRecord } from '@/utils/db/database';
import { formatBeijing } from '@/utils/model/time';
import { capturedByOf } from './member-orders';
import { ts } from './sync-strings';

/** A reminder as team sync records it: `by` is the member id who sent it (absent: this browser's own, from before sync);
 * `uncoordinated` when it was sent while the server was unreachable. */
export type TeamReminder = ReminderRecord;

/** The reminders of the orders shown, by order key (one indexed read per page). */
export function useRemindersOf(orders: readonly OrderRecord[] | undefined): Map<string, TeamReminder[]> {
  const db = useDatabase();
  const keys = orders?.map((order) => order.key) ?? [];
  const result = useLiveQuery(async () => {
    const byKey = new Map<string, TeamReminder[]>();
    if (keys.length === 0) return byKey;
    for (const reminder of (await db.reminders.where('orderKey').anyOf(keys).toArray()) as TeamReminder[]) {
      const list = byKey.get(reminder.orderKey) ?? [];
      list.push(reminder);
      byKey.set(reminder.orderKey, list);
    }
    for (const list of byKey.values()) list.sort((a, b) => a.at - b.at);
    return byKey;
  }, [db, keys.join('|')]);
  return result.status === 'ready' ? result.value : new Map();
}

const nameOf = (names: Record<string, string>, id: string | undefined, me: string | undefined) =>
  id === undefined ? (me ?? '') : (names[id] ?? id);

/**
 * Who captured an order (`capturedBy`, member names) and who reminded it and when (`data-reminded-by`), a
 * reminder sent offline marked 未协调.
 */
export function TeamCell({
  order,
  self,
  reminders,
  names,
  me,
}: {
  order: OrderRecord;
  /** This member's id (a record without capturedBy is theirs). */
  self?: string;
  reminders: readonly TeamReminder[] | undefined;
  names: Record<string, string>;
  /** This member's display name: reminders without `by` are this browser's own. */
  me?: string;
}) {
  const captured = capturedByOf(order, self);
  return (
    <td className="team-cell" data-captured-by={captured.join(',')}>
      {captured.length > 0 && (
        <div>
          {ts('capturedBy')}：{captured.map((id) => names[id] ?? id).join('、')}
        </div>
      )}
      {reminders?.map((reminder, index) => {
        const who = nameOf(names, reminder.by, me);
        return (
          <div key={reminder.id ?? index} data-reminded-by={who} data-reminded-at={reminder.at} data-uncoordinated={reminder.uncoordinated ? 'true' : undefined}>
            {ts('remindedBy')}：{who} {formatBeijing(reminder.at).slice(5, 16)}
            {reminder.uncoordinated && (
              <span className="uncoordinated" title={ts('uncoordinatedHint')}>
                {' '}
                ({ts('uncoordinated')})
              </span>
            )}
          </div>
        );
      })}
    </td>
  );
}
