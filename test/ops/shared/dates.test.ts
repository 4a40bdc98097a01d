import { describe, expect, it } from 'vitest';
import { parseIsoDate, parseIsoTimestamp } from '../../../src/ops/shared/dates.js';

describe('ISO dates', () => {
  it('reads zoned, fractional and zone-less date-times, the zone-less ones as UTC', () => {
    expect(parseIsoTimestamp('2025-03-01T09:30:00Z')).toBe(Date.UTC(2025, 2, 1, 9, 30));
    expect(parseIsoTimestamp('2025-03-01T09:30:00.123456+01:00')).toBe(Date.UTC(2025, 2, 1, 8, 30, 0, 123));
    expect(parseIsoTimestamp('2025-03-01T09:30:00-05:00')).toBe(Date.UTC(2025, 2, 1, 14, 30));
    expect(parseIsoTimestamp('2025-03-01 09:30')).toBe(Date.UTC(2025, 2, 1, 9, 30));
    expect(parseIsoTimestamp('2025-03-01T09:30:00+0130')).toBe(Date.UTC(2025, 2, 1, 8, 0));
    expect(parseIsoTimestamp('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('agrees with Date for every kind of day across two centuries', () => {
    for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 7 + 3_600_000 * 5 + 61_001) {
      const iso = new Date(t).toISOString();
      if (parseIsoTimestamp(iso) !== t) throw new Error(`mismatch for ${iso}`);
    }
  });

  it('refuses impossible or non-ISO dates instead of rolling them over', () => {
    for (const text of ['2025-02-29T00:00:00Z', '2025-02-30', '2025-13-01T00:00:00Z', '2025-03-01T24:00:00Z', 'yesterday', '03/01/2025', '']) {
      expect(parseIsoTimestamp(text), text).toBeUndefined();
    }
    expect(parseIsoDate('2025-04-31')).toBeUndefined();
  });
});
