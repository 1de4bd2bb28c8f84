import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { NOTIFY_PERMISSION, clampHour, dailyNotifyItem, type DailyNotifySetting as Setting } from '@/utils/background/daily-notify-settings';
import { d } from './daily-strings';

type State = 'off' | 'requesting' | 'on' | 'denied';

const permission = () => ({ permissions: [...NOTIFY_PERMISSION.permissions] });
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/**
 * 每日提醒: a toggle and an hour. Turning it on asks for the optional notifications permission right in
 * the click (browsers require a user gesture) and keeps it off when refused; turning it off gives it back.
 */
export function DailyNotifySetting() {
  const id = useId();
  const [setting, setSetting] = useState<Setting | null>(null);
  const [state, setState] = useState<State>('off');
  useEffect(() => {
    void Promise.all([dailyNotifyItem.getValue(), browser.permissions.contains(permission())]).then(([value, granted]) => {
      setSetting(value);
      setState(value.enabled && granted ? 'on' : 'off');
    });
  }, []);
  if (!setting) return null;
  const hour = clampHour(setting.hour);

  const toggle = (on: boolean) => {
    if (!on) {
      setState('off');
      const next = { ...setting, enabled: false };
      setSetting(next);
      void dailyNotifyItem.setValue(next).then(() => browser.permissions.remove(permission()));
      return;
    }
    setState('requesting');
    // no await before the request: it must run inside the click's user gesture
    void browser.permissions
      .request(permission())
      .catch(() => false)
      .then(async (granted) => {
        const next = { ...setting, enabled: granted };
        setSetting(next);
        await dailyNotifyItem.setValue(next);
        setState(granted ? 'on' : 'denied');
      });
  };

  const changeHour = (value: number) => {
    const next = { ...setting, hour: clampHour(value) };
    setSetting(next);
    void dailyNotifyItem.setValue(next);
  };

  return (
    <section className="panel daily-notify" aria-labelledby={`${id}-heading`} data-notify-state={state}>
      <h3 id={`${id}-heading`}>{d('notifyHeading')}</h3>
      <div className="toolbar">
        <label>
          <input type="checkbox" data-action="daily-notify" checked={state === 'on' || state === 'requesting'} disabled={state === 'requesting'} onChange={(event) => toggle(event.target.checked)} />{' '}
          {d('notifyToggle')}
        </label>
        <label htmlFor={`${id}-hour`}>{d('notifyHour')}</label>
        <select id={`${id}-hour`} data-action="daily-notify-hour" value={hour} onChange={(event) => changeHour(Number(event.target.value))}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {d('notifyHourOption', { h: String(h).padStart(2, '0') })}
            </option>
          ))}
        </select>
        <span aria-live="polite">
          {state === 'on' && d('notifyOn', { h: String(hour).padStart(2, '0') })}
          {state === 'denied' && d('notifyDenied')}
        </span>
      </div>
      <p className="note">{d('notifyNote')}</p>
    </section>
  );
}
