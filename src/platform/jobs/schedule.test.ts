import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../modules/calendar/calendar.js';
import { packageYears } from '../../modules/calendar/package-years.js';
import { fixedClock } from '../clock.js';
import { chinaDateOf, dailyPattern, decide, nextRun, parseTimeOfDay } from './schedule.js';

/** The official 2026 calendar: National Day 1–7 October, Saturday 10 October worked (调休). */
const calendar = new WorkingCalendar([...packageYears()].map(([year, data]) => ({ year, source: 'package', ...data })));
const isWorkingDay = (day: string) => calendar.isWorkingDay(day).working;
const at = parseTimeOfDay('06:30');
const now = (iso: string) => fixedClock(iso).now();

describe('decide (P5.7: the scan of each working day, once)', () => {
  it('runs on a working day once the time has come, with the China date', () => {
    expect(decide({ now: now('2026-12-03T06:30:00+08:00'), at, isWorkingDay })).toEqual({
      run: true,
      day: '2026-12-03',
    });
    expect(decide({ now: now('2026-12-03T06:29:59+08:00'), at, isWorkingDay })).toEqual({
      run: false,
      day: '2026-12-03',
      reason: 'not-yet',
    });
  });

  it('reads the day and the hour in China time, whatever the instant is written in', () => {
    // 22:45 UTC on 2 December is 06:45 on 3 December in China.
    expect(decide({ now: now('2026-12-02T22:45:00Z'), at, isWorkingDay })).toEqual({ run: true, day: '2026-12-03' });
    // 16:30 UTC on 3 December is 00:30 on 4 December: not yet that day's time.
    expect(decide({ now: now('2026-12-03T16:30:00Z'), at, isWorkingDay })).toMatchObject({
      run: false,
      day: '2026-12-04',
      reason: 'not-yet',
    });
  });

  it('skips public holidays and ordinary weekends', () => {
    expect(decide({ now: now('2026-10-01T07:00:00+08:00'), at, isWorkingDay })).toMatchObject({
      run: false,
      reason: 'not-a-working-day',
    });
    expect(decide({ now: now('2026-12-05T07:00:00+08:00'), at, isWorkingDay })).toMatchObject({
      run: false,
      day: '2026-12-05',
      reason: 'not-a-working-day',
    });
  });

  it('runs on a make-up Saturday (调休)', () => {
    expect(decide({ now: now('2026-10-10T06:30:00+08:00'), at, isWorkingDay })).toEqual({
      run: true,
      day: '2026-10-10',
    });
    expect(decide({ now: now('2026-02-14T09:00:00+08:00'), at, isWorkingDay }).run).toBe(true);
  });

  it('runs a day once, and still runs a missed one later that day (a restart after the hour)', () => {
    const late = now('2026-12-03T15:00:00+08:00');
    expect(decide({ now: late, at, isWorkingDay, lastDone: '2026-12-02' })).toEqual({ run: true, day: '2026-12-03' });
    expect(decide({ now: late, at, isWorkingDay, lastDone: '2026-12-03' })).toMatchObject({
      run: false,
      reason: 'already-ran',
    });
  });
});

describe('nextRun', () => {
  it('is now when a run is due', () => {
    const due = now('2026-12-03T08:00:00+08:00');
    expect(nextRun({ now: due, at, isWorkingDay })).toEqual(due);
  });

  it('is later today before the time, and the next working day once today has run', () => {
    expect(nextRun({ now: now('2026-12-03T05:00:00+08:00'), at, isWorkingDay })?.toISOString()).toBe(
      '2026-12-02T22:30:00.000Z',
    );
    expect(
      nextRun({ now: now('2026-12-03T08:00:00+08:00'), at, isWorkingDay, lastDone: '2026-12-03' })?.toISOString(),
    ).toBe('2026-12-03T22:30:00.000Z');
  });

  it('steps over a weekend, the National Day week and the Spring Festival', () => {
    const friday = now('2026-12-04T07:00:00+08:00');
    expect(chinaDateOf(nextRun({ now: friday, at, isWorkingDay, lastDone: '2026-12-04' }) as Date)).toBe('2026-12-07');
    const beforeNationalDay = now('2026-09-30T07:00:00+08:00');
    expect(chinaDateOf(nextRun({ now: beforeNationalDay, at, isWorkingDay, lastDone: '2026-09-30' }) as Date)).toBe(
      '2026-10-08',
    );
    const makeUpSaturday = now('2026-02-14T07:00:00+08:00');
    expect(chinaDateOf(nextRun({ now: makeUpSaturday, at, isWorkingDay, lastDone: '2026-02-14' }) as Date)).toBe(
      '2026-02-24',
    );
  });

  it('is undefined when no working day comes within a month', () => {
    expect(nextRun({ now: now('2026-12-03T05:00:00+08:00'), at, isWorkingDay: () => false })).toBeUndefined();
  });
});

describe('parseTimeOfDay and dailyPattern', () => {
  it('wakes at the time and each hour after it until midnight', () => {
    expect(dailyPattern(parseTimeOfDay('06:30'))).toBe('30 6-23 * * *');
    expect(dailyPattern(parseTimeOfDay('23:05'))).toBe('5 23-23 * * *');
    expect(() => parseTimeOfDay('6:30')).toThrow();
    expect(() => parseTimeOfDay('24:00')).toThrow();
  });
});
