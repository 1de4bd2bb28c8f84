import { describe, expect, it } from 'vitest';
import { createBeijingStamper } from '@/utils/export/beijing-stamp';
import { formatBeijing } from '@/utils/model/time';

describe('createBeijingStamper', () => {
  it('prints exactly what formatBeijing prints', () => {
    const stamp = createBeijingStamper();
    const samples = [
      Date.UTC(2026, 4, 12, 16, 22, 32),
      Date.UTC(2026, 4, 12, 15, 59, 59, 999), // 23:59:59.999 Beijing: seconds truncated, same day
      Date.UTC(2026, 4, 12, 16, 0, 0), // midnight Beijing
      Date.UTC(2024, 1, 28, 16, 0, 0), // 2024-02-29
      Date.UTC(2000, 0, 1, 0, 0, 0),
      Date.UTC(2099, 11, 31, 15, 59, 59),
    ];
    let seed = 7;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      samples.push(946_684_800_000 + Math.floor((seed / 2147483647) * 3_155_760_000_000));
    }
    for (const ms of samples) expect(stamp(ms), String(ms)).toBe(formatBeijing(ms));
  });

  it('prints nothing for non-finite times', () => {
    const stamp = createBeijingStamper();
    expect(stamp(Number.NaN)).toBe('');
    expect(stamp(Number.POSITIVE_INFINITY)).toBe('');
  });
});
