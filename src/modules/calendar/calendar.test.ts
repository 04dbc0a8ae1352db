import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { type KnownYear, WorkingCalendar } from './calendar.js';
import { datesOfYear, dayKey, keyWeekday } from './calendar-dates.js';
import { packageYears } from './package-years.js';
import { checkYearData, holidayPeriods, type YearData } from './year-data.js';

/**
 * Real cases, each checked against the State Council's notices (国务院办公厅关于2025年/2026年部分
 * 节假日安排的通知) and against chinese-days' own data, which agrees with them for these years.
 */
function fromPackage(): KnownYear[] {
  return [...packageYears()].map(([year, data]) => ({ year, source: 'package' as const, ...data }));
}

const calendar = new WorkingCalendar(fromPackage());

/**
 * Illustrative, not the official 2027 notice (not yet published): New Year 1–3 January, Spring
 * Festival 5–11 February (New Year's Eve is 5 February), Saturday 20 February worked.
 */
const ILLUSTRATIVE_2027: YearData = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
    ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ date: `2027-02-${d}`, name: '春节' })),
  ],
  workdays: ['2027-02-20'],
};

function expectBadInput(run: () => unknown): void {
  expect(run).toThrow(AppError);
  try {
    run();
  } catch (error) {
    expect((error as AppError).kind).toBe('BAD_INPUT');
  }
}

describe('the chinese-days package data', () => {
  it('covers 2004 to 2026 and nothing after (chinese-days 1.5.7: update this test when upgrading)', () => {
    const years = [...packageYears().keys()];
    expect(years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('is why a year must be refused rather than asked: its API calls any day of 2027 a workday', () => {
    // 2027-01-01 is New Year's Day whatever the notice says; the package does not know it.
    expect(chineseDays.isWorkday('2027-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-01')).toMatchObject({ working: true, assumed: true });
  });

  it('passes our own checks for every covered year', () => {
    for (const [year, data] of packageYears()) expect(checkYearData(year, data).problems).toEqual([]);
  });

  it('agrees with the package on every day it covers', () => {
    const differences: string[] = [];
    for (const year of packageYears().keys()) {
      for (const date of datesOfYear(year)) {
        if (calendar.isWorkingDay(date).working !== chineseDays.isWorkday(date)) differences.push(date);
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('Spring Festival', () => {
  it('2025: 28 January to 4 February off; Sunday 26 January and Saturday 8 February worked', () => {
    expect(calendar.isWorkingDay('2025-01-27').working).toBe(true);
    for (const date of ['2025-01-28', '2025-01-31', '2025-02-01', '2025-02-04']) {
      expect(calendar.isWorkingDay(date)).toEqual({ date, working: false, assumed: false, warnings: [] });
    }
    expect(calendar.isWorkingDay('2025-02-05').working).toBe(true);
    expect(keyWeekday(dayKey('2025-01-26'))).toBe(0);
    expect(calendar.isWorkingDay('2025-01-26').working).toBe(true);
    expect(keyWeekday(dayKey('2025-02-08'))).toBe(6);
    expect(calendar.isWorkingDay('2025-02-08').working).toBe(true);
  });

  it('2026: 15 to 23 February off (nine days); Saturdays 14 and 28 February worked', () => {
    const off = datesOfYear(2026).filter((d) => d >= '2026-02-15' && d <= '2026-02-23');
    expect(off.every((d) => !calendar.isWorkingDay(d).working)).toBe(true);
    expect(calendar.isWorkingDay('2026-02-14').working).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28').working).toBe(true);
    expect(calendar.isWorkingDay('2026-02-24').working).toBe(true);
    expect(calendar.isWorkingDay('2026-03-01').working).toBe(false);
  });

  it('T+1 over the holiday: applied on the last working day before it, due the first one after', () => {
    expect(calendar.addWorkingDays('2025-01-27', 1).date).toBe('2025-02-05');
    expect(calendar.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24');
  });

  it('T+1 from a Saturday is the make-up Sunday when there is one (P5.7)', () => {
    expect(calendar.addWorkingDays('2025-01-25', 1).date).toBe('2025-01-26');
  });
});

describe('National Day', () => {
  it('2025: 1 to 8 October off, Mid-Autumn (6 October) inside it; Sunday 28 September and Saturday 11 October worked', () => {
    for (const date of datesOfYear(2025).filter((d) => d >= '2025-10-01' && d <= '2025-10-08')) {
      expect(calendar.isWorkingDay(date).working).toBe(false);
    }
    expect(calendar.isWorkingDay('2025-09-28').working).toBe(true);
    expect(calendar.isWorkingDay('2025-10-11').working).toBe(true);
    const year = calendar.year(2025);
    expect(year.holidays.find((h) => h.date === '2025-10-06')?.name).toBe('中秋');
    expect(holidayPeriods(year.holidays).filter((p) => p.from >= '2025-10-01')).toEqual([
      { name: '国庆节', from: '2025-10-01', to: '2025-10-05', days: 5 },
      { name: '中秋', from: '2025-10-06', to: '2025-10-06', days: 1 },
      { name: '国庆节', from: '2025-10-07', to: '2025-10-08', days: 2 },
    ]);
  });

  it('2026: 1 to 7 October off; Sunday 20 September and Saturday 10 October worked; Mid-Autumn 25–27 September', () => {
    for (const date of datesOfYear(2026).filter((d) => d >= '2026-10-01' && d <= '2026-10-07')) {
      expect(calendar.isWorkingDay(date).working).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-09-20').working).toBe(true);
    expect(calendar.isWorkingDay('2026-10-10').working).toBe(true);
    expect(calendar.isWorkingDay('2026-09-25').working).toBe(false);
  });

  it('3 working days after distribution run across the break (P5.13)', () => {
    // 2025: 9, 10 and (the make-up Saturday) 11 October.
    expect(calendar.addWorkingDays('2025-09-30', 3).date).toBe('2025-10-11');
    // 2025: the make-up Sunday 28 September counts.
    expect(calendar.addWorkingDays('2025-09-26', 3).date).toBe('2025-09-30');
    // 2026: 8, 9 and (the make-up Saturday) 10 October.
    expect(calendar.addWorkingDays('2026-09-30', 3)).toEqual({ date: '2026-10-10', assumed: false, warnings: [] });
    // 2026: Mid-Autumn Friday 25 September off.
    expect(calendar.addWorkingDays('2026-09-24', 3).date).toBe('2026-09-30');
  });
});

describe('working-day arithmetic', () => {
  it('adding 0 working days returns the date unchanged, even a holiday', () => {
    expect(calendar.addWorkingDays('2025-10-03', 0)).toEqual({ date: '2025-10-03', assumed: false, warnings: [] });
    expect(calendar.addWorkingDays('2026-03-02', 0).date).toBe('2026-03-02');
  });

  it('finds the next working day on or after a date', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-01').date).toBe('2025-10-09');
    expect(calendar.nextWorkingDayOnOrAfter('2025-10-09').date).toBe('2025-10-09');
    expect(calendar.nextWorkingDayOnOrAfter('2026-02-15').date).toBe('2026-02-24');
  });

  it('counts working days after one date up to and including another, across a year end', () => {
    expect(calendar.workingDaysBetween('2025-09-30', '2025-10-11').days).toBe(3);
    // New Year 2026: 1–3 January off, Sunday 4 January worked.
    expect(calendar.workingDaysBetween('2025-12-31', '2026-01-05')).toEqual({ days: 2, assumed: false, warnings: [] });
    expect(calendar.workingDaysBetween('2026-01-05', '2025-12-31').days).toBe(-2);
    expect(calendar.workingDaysBetween('2026-01-05', '2026-01-05').days).toBe(0);
    const start = '2025-09-26';
    for (const n of [1, 3, 10, 250]) {
      expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n).date).days).toBe(n);
    }
  });

  it('counts the working days of a year as the notices give them', () => {
    // 2025: 365 − 104 weekend days − 18 weekdays off + 5 make-up days; 2026: 365 − 104 − 19 + 6.
    expect(calendar.year(2025).workingDays).toBe(248);
    expect(calendar.year(2026).workingDays).toBe(248);
  });

  it('adds clock hours for the 10-hour written report (P4.7), holidays included', () => {
    expect(calendar.addHours('2026-10-01T20:00:00+08:00', 10)).toEqual({
      at: '2026-10-02T06:00:00.000+08:00',
      epochMs: Date.parse('2026-10-01T22:00:00Z'),
      date: '2026-10-02',
      assumed: false,
      warnings: [],
    });
    // No offset is China time, as in the contract; an offset is honoured.
    expect(calendar.addHours('2026-12-31T15:30:00', 10).at).toBe('2027-01-01T01:30:00.000+08:00');
    expect(calendar.addHours('2026-12-31T15:30:00Z', 0.5).at).toBe('2027-01-01T00:00:00.000+08:00');
  });

  it('refuses what is not a date or a count', () => {
    expectBadInput(() => calendar.isWorkingDay('2026-02-30'));
    expectBadInput(() => calendar.isWorkingDay('2026-2-3'));
    expectBadInput(() => calendar.addWorkingDays('2026-02-03', -1));
    expectBadInput(() => calendar.addWorkingDays('2026-02-03', 1.5));
    expectBadInput(() => calendar.addHours('tomorrow', 10));
    expectBadInput(() => calendar.addHours('2026-02-03T10:00:00+08:00', -1));
    expectBadInput(() => calendar.year(999));
    expectBadInput(() => calendar.addWorkingDays('9999-12-31', 1));
  });
});

describe('a year without official data', () => {
  const warning2027 = expect.objectContaining({ code: 'CALENDAR_YEAR_ASSUMED', year: 2027, clause: 'P5.13' });

  it('falls back to Monday–Friday and says so on every answer', () => {
    expect(calendar.year(2027)).toMatchObject({ source: 'assumed', assumed: true, holidays: [], workdays: [] });
    expect(calendar.year(2027).warnings).toEqual([warning2027]);
    expect(calendar.isWorkingDay('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      assumed: true,
      warnings: [warning2027],
    });
    expect(calendar.isWorkingDay('2027-01-02').working).toBe(false);
    const warning = calendar.isWorkingDay('2027-03-01').warnings[0];
    expect(warning?.zh).toContain('2027');
    expect(warning?.en).toContain('Monday to Friday');
  });

  it('marks an answer that only crosses into it', () => {
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({
      date: '2027-01-01',
      assumed: true,
      warnings: [warning2027],
    });
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-04')).toEqual({
      days: 3,
      assumed: true,
      warnings: [warning2027],
    });
    expect(calendar.addWorkingDays('2026-12-01', 3).assumed).toBe(false);
  });

  it('is known once an override gives it', () => {
    const known = new WorkingCalendar([...fromPackage(), { year: 2027, source: 'override', ...ILLUSTRATIVE_2027 }]);
    expect(known.isWorkingDay('2027-01-01')).toEqual({
      date: '2027-01-01',
      working: false,
      assumed: false,
      warnings: [],
    });
    expect(known.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', assumed: false, warnings: [] });
    expect(known.addWorkingDays('2027-02-04', 1).date).toBe('2027-02-12');
    expect(known.isWorkingDay('2027-02-20').working).toBe(true);
    expect(known.year(2027).source).toBe('override');
  });
});

describe('overrides', () => {
  it('win over the package for their whole year, whatever the order given', () => {
    const override: KnownYear = {
      year: 2026,
      source: 'override',
      holidays: [{ date: '2026-03-02', name: '测试' }],
      workdays: [],
    };
    for (const years of [
      [...fromPackage(), override],
      [override, ...fromPackage()],
    ]) {
      const overridden = new WorkingCalendar(years);
      expect(overridden.year(2026).source).toBe('override');
      expect(overridden.isWorkingDay('2026-03-02').working).toBe(false);
      expect(overridden.isWorkingDay('2026-02-16').working).toBe(true);
      expect(overridden.isWorkingDay('2025-02-03').working).toBe(false);
    }
  });

  it('refuse inconsistent data as a defect', () => {
    const bad: KnownYear = { year: 2027, source: 'override', holidays: [], workdays: ['2027-01-04'] };
    expect(() => new WorkingCalendar([bad])).toThrow(AppError);
  });
});

describe('checking a year from a file', () => {
  it('sorts good data', () => {
    const shuffled = { holidays: [...ILLUSTRATIVE_2027.holidays].reverse(), workdays: ['2027-02-20'] };
    expect(checkYearData(2027, shuffled)).toEqual({ data: ILLUSTRATIVE_2027, problems: [] });
  });

  it('lists every problem, not just the first', () => {
    const { data, problems } = checkYearData(2027, {
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-02-30', name: '春节' },
        { date: '2026-12-31', name: '元旦' },
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-05-03' },
        '2027-10-01',
      ],
      workdays: ['2027-02-08', '2027-01-01', '2027-02-20', '2027-02-20'],
      year: 2027,
    });
    expect(data).toBeUndefined();
    const expected = [
      '“year”',
      'holidays[1].date “2027-02-30”',
      'holidays[2].date 2026-12-31 不在 2027 年内',
      'holidays[3].date 2027-01-01 与 holidays[0] 重复',
      'holidays[4].name',
      'holidays[5] 应为',
      'workdays[0] 2027-02-08 不是周六或周日',
      'workdays[1] 2027-01-01 不是周六或周日',
      'workdays[1] 2027-01-01 同时列为 holidays[0]',
      'workdays[3] 2027-02-20 与 workdays[2] 重复',
    ];
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => {
      expect(problems[i]).toContain(text);
    });
    expect(problems.every((p) => /\(.*[a-z].*\)/.test(p))).toBe(true);
  });

  it('refuses what is not the expected shape', () => {
    expect(checkYearData(2027, []).problems).toHaveLength(1);
    expect(checkYearData(2027, { holidays: [], workdays: [] }).problems[0]).toContain('holidays 为空');
    expect(checkYearData(2027, { holidays: {} }).problems).toEqual([
      expect.stringContaining('holidays 应为数组'),
      expect.stringContaining('workdays 应为数组'),
    ]);
  });
});
