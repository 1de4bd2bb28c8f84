import { useEffect, useState } from 'react';
import { lang, s } from '@/components/dashboard/strings';
import { platformName } from '@/components/platform-names';
import { SITES } from '@/utils/sites/registry';
import { paymentWindowsItem } from '@/utils/remind/payment-window-settings';
import { windowHours, type PaymentWindows } from '@/utils/remind/payment-windows';

/** 付款时限 per console: how long a buyer has to pay where the console prints no deadline. */
export function PaymentWindowsEditor() {
  const [windows, setWindows] = useState<PaymentWindows | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void paymentWindowsItem.getValue().then((value) => {
      setWindows(value);
      setDraft(Object.fromEntries(SITES.map((site) => [site.platform, String(windowHours(site.platform, value))])));
    });
  }, []);
  if (!windows) return null;
  const save = async () => {
    const next: Record<string, number> = {};
    for (const site of SITES) {
      const hours = Number(draft[site.platform]);
      if (Number.isFinite(hours) && hours > 0) next[site.platform] = hours;
    }
    await paymentWindowsItem.setValue(next);
    setWindows(next);
    setSaved(true);
  };
  return (
    <fieldset className="pay-windows" data-panel="payment-windows">
      <legend>{s('payWindowsHeading')}</legend>
      <div className="column-grid">
        {SITES.map((site) => (
          <label key={site.platform}>
            {platformName(site.platform, lang)}
            <input
              type="number"
              min="0.25"
              step="0.25"
              inputMode="decimal"
              data-payment-window={site.platform}
              value={draft[site.platform] ?? ''}
              onChange={(event) => {
                setSaved(false);
                setDraft({ ...draft, [site.platform]: event.target.value });
              }}
            />
          </label>
        ))}
      </div>
      <p className="note">{s('payWindowsNote')}</p>
      <button type="button" data-action="save-payment-windows" onClick={() => void save()}>
        {s('payWindowsSave')}
      </button>{' '}
      {saved && <span className="ok">{s('payWindowsSaved')}</span>}
    </fieldset>
  );
}
