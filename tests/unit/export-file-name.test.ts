import { describe, expect, it } from 'vitest';
import { exportFileName } from '@/utils/export/file-name';

describe('exportFileName', () => {
  it('stamps the export with Beijing time (UTC 16:22 is 00:22 the next day in Beijing)', () => {
    const at = Date.UTC(2026, 4, 12, 16, 22, 32);
    expect(exportFileName('orders', at)).toBe('orderlens-orders-20260513-0022.csv');
    expect(exportFileName('tracking', at)).toBe('orderlens-tracking-20260513-0022.csv');
  });

  it('pads months, days, hours and minutes', () => {
    expect(exportFileName('orders', Date.UTC(2026, 0, 1, 1, 5, 0))).toBe('orderlens-orders-20260101-0905.csv');
  });

  it('defaults to now', () => {
    expect(exportFileName('orders')).toMatch(/^orderlens-orders-\d{8}-\d{4}\.csv$/);
  });
});
