import { describe, expect, it } from 'vitest';
import { addDays } from '../intake/china-time.js';
import { chinaDayStart, daysBetween, weekStartOf } from './dashboard.js';

describe('dashboard days', () => {
  it('starts the week on Monday and counts days across months and years', () => {
    expect(weekStartOf('2026-12-03')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-02-27', '2026-03-01')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(chinaDayStart('2026-12-03')).toBe('2026-12-02T16:00:00.000Z');
  });
});
