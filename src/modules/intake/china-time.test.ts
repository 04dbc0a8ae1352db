import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, chinaDate, isRealDate, parseTimestamp } from './china-time.js';

describe('China time', () => {
  it('reads timestamps without an offset as +08:00', () => {
    expect(parseTimestamp('2026-11-29T10:15:00')).toBe(Date.parse('2026-11-29T02:15:00Z'));
    expect(chinaDate(parseTimestamp('2026-11-29T17:30:00Z') as number)).toBe('2026-11-30');
    expect(parseTimestamp('2026-02-30T10:00:00+08:00')).toBeUndefined();
    expect(parseTimestamp('yesterday')).toBeUndefined();
  });

  it('knows real dates, leap years included', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('2026-04-31')).toBe(false);
    expect(isRealDate('2026-4-1')).toBe(false);
  });

  it('agrees with the calendar on every day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        expect(isRealDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
  });

  it('counts age in whole years; a Feb 29 birthday turns on Mar 1', () => {
    expect(ageOn('2008-11-29', '2026-11-29')).toBe(18);
    expect(ageOn('2008-11-30', '2026-11-29')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
