import { AppError } from '../../platform/errors.js';
import { CODES } from '../../shared/codes.js';
import { parseTimestamp } from '../intake/china-time.js';
import {
  datesOfYear,
  dayKey,
  daysInYear,
  FIRST_YEAR,
  isWeekend,
  keyDayOfYear,
  keyYear,
  LAST_YEAR,
  weekdayOfNewYear,
} from './calendar-dates.js';
import { checkYearData, type YearData } from './year-data.js';

/**
 * The PRC working-day calendar the deadlines count in (P5.7: T+1 working day; P5.13: 3 working
 * days; INTERCHANGE §5). A year is known from the official notice (through the chinese-days package
 * or a local override); a year nobody has given is assumed Monday–Friday, and every answer that
 * touched such a year says so.
 */
export type YearSource = 'package' | 'override' | 'assumed';

/** One year given to the calendar: the package's copy of a notice, or a local override. */
export interface KnownYear extends YearData {
  year: number;
  source: 'package' | 'override';
}

export interface CalendarWarning {
  code: 'CALENDAR_YEAR_ASSUMED';
  year: number;
  zh: string;
  en: string;
  clause: string;
}

/** What every answer carries: whether it relied on an assumed year, and one warning per such year. */
export interface CalendarAnswer {
  assumed: boolean;
  warnings: readonly CalendarWarning[];
}

export interface WorkingDayAnswer extends CalendarAnswer {
  date: string;
  working: boolean;
}

export interface DateAnswer extends CalendarAnswer {
  date: string;
}

export interface CountAnswer extends CalendarAnswer {
  days: number;
}

/** A clock-hour deadline (P4.7): the instant in China time, and its China date. */
export interface InstantAnswer extends CalendarAnswer {
  at: string;
  epochMs: number;
  date: string;
}

export interface CalendarYear extends YearData, CalendarAnswer {
  year: number;
  source: YearSource;
  /** Working days in the whole year. */
  workingDays: number;
}

interface YearTable {
  year: number;
  source: YearSource;
  data: YearData;
  /** 1 for a working day, by day of year from 0. */
  working: Uint8Array;
  /** Working days from 1 January up to and including each day. */
  workingThrough: Uint16Array;
  dates: readonly string[];
  warnings: readonly CalendarWarning[];
}

const NO_WARNINGS: readonly CalendarWarning[] = Object.freeze([]);
const NO_DATA: YearData = Object.freeze({ holidays: [], workdays: [] });
const HOUR_MS = 3_600_000;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** The loud warning for a year without official data (P5.13: a deadline counted on a guess). */
export function assumedYearWarning(year: number): CalendarWarning {
  const info = CODES.CALENDAR_YEAR_ASSUMED;
  return Object.freeze({
    code: 'CALENDAR_YEAR_ASSUMED',
    year,
    zh: `${year} 年：${info.zh}`,
    en: `${year}: ${info.en}`,
    clause: info.clause,
  });
}

/**
 * Answers working-day questions in O(1) (is it a working day, how many between two dates) or
 * O(days walked) (add n working days), from per-year tables built once on first use.
 */
export class WorkingCalendar {
  readonly #known = new Map<number, KnownYear>();
  readonly #tables = new Map<number, YearTable>();
  #last: YearTable | undefined;

  /** An override wins over the package for its whole year. Inconsistent data is a defect (INTERNAL). */
  constructor(years: Iterable<KnownYear>) {
    const problems: string[] = [];
    for (const given of years) {
      if (!Number.isInteger(given.year) || given.year < FIRST_YEAR || given.year > LAST_YEAR) {
        problems.push(`${given.year} (${given.source}): 年份无效 (not a valid year)`);
        continue;
      }
      const current = this.#known.get(given.year);
      if (current?.source === given.source) {
        problems.push(`${given.year} (${given.source}): 重复给出 (given twice)`);
        continue;
      }
      if (current?.source === 'override') continue;
      const checked = checkYearData(given.year, { holidays: given.holidays, workdays: given.workdays });
      if (!checked.data) {
        problems.push(...checked.problems.map((p) => `${given.year} (${given.source}): ${p}`));
        continue;
      }
      this.#known.set(given.year, { year: given.year, source: given.source, ...checked.data });
    }
    if (problems.length > 0) {
      throw new AppError(
        'INTERNAL',
        { zh: '工作日历数据不一致', en: 'the working-calendar data is inconsistent' },
        { details: problems },
      );
    }
  }

  /** Years with official data, ascending, and where each came from. */
  knownYears(): Array<{ year: number; source: 'package' | 'override' }> {
    return [...this.#known.values()].map(({ year, source }) => ({ year, source })).sort((a, b) => a.year - b.year);
  }

  /** A year as the calendar uses it: its days off, make-up working days and source. */
  year(year: number): CalendarYear {
    const table = this.#table(year);
    return {
      year,
      source: table.source,
      holidays: table.data.holidays.map((h) => ({ ...h })),
      workdays: [...table.data.workdays],
      workingDays: table.workingThrough[table.workingThrough.length - 1] ?? 0,
      assumed: table.warnings.length > 0,
      warnings: table.warnings,
    };
  }

  isWorkingDay(date: string): WorkingDayAnswer {
    const key = readDate(date);
    const table = this.#table(keyYear(key));
    return {
      date,
      working: table.working[keyDayOfYear(key)] === 1,
      assumed: table.warnings.length > 0,
      warnings: table.warnings,
    };
  }

  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: string): DateAnswer {
    const key = readDate(date);
    const firstYear = keyYear(key);
    let table = this.#table(firstYear);
    let index = keyDayOfYear(key);
    while (table.working[index] !== 1) {
      index++;
      if (index >= table.working.length) {
        table = this.#table(table.year + 1);
        index = 0;
      }
    }
    return this.#dateAnswer(table, index, firstYear);
  }

  /**
   * The n-th working day after a date (n ≥ 0). T+1 (P5.7) is `addWorkingDays(T, 1)`: the first
   * working day after T, whatever kind of day T was; "within 3 working days" of distribution
   * (P5.13) ends on `addWorkingDays(day, 3)`. n = 0 returns the date unchanged.
   */
  addWorkingDays(date: string, days: number): DateAnswer {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new AppError('BAD_INPUT', {
        zh: '工作日数应为不小于 0 的整数',
        en: 'a number of working days must be a whole number ≥ 0',
      });
    }
    const key = readDate(date);
    const firstYear = keyYear(key);
    let table = this.#table(firstYear);
    let index = keyDayOfYear(key);
    let remaining = days;
    while (remaining > 0) {
      index++;
      if (index >= table.working.length) {
        table = this.#table(table.year + 1);
        index = 0;
      }
      remaining -= table.working[index] ?? 0;
    }
    return this.#dateAnswer(table, index, firstYear);
  }

  /**
   * Working days after `from` up to and including `to`, so that
   * `workingDaysBetween(d, addWorkingDays(d, n).date) = n`; negative when `to` is before `from`.
   */
  workingDaysBetween(from: string, to: string): CountAnswer {
    const a = readDate(from);
    const b = readDate(to);
    const low = Math.min(a, b);
    const high = Math.max(a, b);
    const lowYear = keyYear(low);
    const highYear = keyYear(high);
    let count = this.#workingThrough(high) - this.#workingThrough(low);
    for (let year = lowYear; year < highYear; year++) {
      const table = this.#table(year);
      count += table.workingThrough[table.workingThrough.length - 1] ?? 0;
    }
    const warnings = this.#warnings(lowYear, highYear);
    return { days: a <= b ? count : -count, assumed: warnings.length > 0, warnings };
  }

  /**
   * A clock-hour deadline (P4.7: a written report within 10 hours): hours of the clock, weekends
   * and holidays included, so it never relies on a year's data. An instant without an offset is
   * China time, as in the contract.
   */
  addHours(instant: string | number, hours: number): InstantAnswer {
    const start = typeof instant === 'number' ? instant : parseTimestamp(instant);
    if (start === undefined || !Number.isFinite(start)) {
      throw new AppError('BAD_INPUT', {
        zh: '时间应为 ISO 8601 时间戳',
        en: 'an instant must be an ISO 8601 timestamp',
      });
    }
    if (!Number.isFinite(hours) || hours < 0) {
      throw new AppError('BAD_INPUT', { zh: '小时数应不小于 0', en: 'a number of hours must be ≥ 0' });
    }
    const epochMs = start + Math.round(hours * HOUR_MS);
    const china = new Date(epochMs + CHINA_OFFSET_MS).toISOString();
    return {
      at: `${china.slice(0, 23)}+08:00`,
      epochMs,
      date: china.slice(0, 10),
      assumed: false,
      warnings: NO_WARNINGS,
    };
  }

  #workingThrough(key: number): number {
    const table = this.#table(keyYear(key));
    return table.workingThrough[keyDayOfYear(key)] ?? 0;
  }

  #dateAnswer(table: YearTable, index: number, firstYear: number): DateAnswer {
    const warnings = this.#warnings(firstYear, table.year);
    return { date: table.dates[index] ?? '', assumed: warnings.length > 0, warnings };
  }

  /** One warning per assumed year the answer spans, oldest first. */
  #warnings(fromYear: number, toYear: number): readonly CalendarWarning[] {
    if (fromYear === toYear) return this.#table(fromYear).warnings;
    const collected: CalendarWarning[] = [];
    for (let year = fromYear; year <= toYear; year++) collected.push(...this.#table(year).warnings);
    return collected.length > 0 ? collected : NO_WARNINGS;
  }

  #table(year: number): YearTable {
    const last = this.#last;
    if (last !== undefined && last.year === year) return last;
    let table = this.#tables.get(year);
    if (table === undefined) {
      table = buildTable(year, this.#known.get(year));
      this.#tables.set(year, table);
    }
    this.#last = table;
    return table;
  }
}

function readDate(date: string): number {
  const key = typeof date === 'string' ? dayKey(date) : -1;
  if (key < 0) {
    throw new AppError('BAD_INPUT', {
      zh: '日期应为 YYYY-MM-DD 格式的真实日期',
      en: 'a date must be a real date written YYYY-MM-DD',
    });
  }
  return key;
}

function buildTable(year: number, known: KnownYear | undefined): YearTable {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new AppError('BAD_INPUT', {
      zh: `年份应在 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间`,
      en: `a year must be from ${FIRST_YEAR} to ${LAST_YEAR}`,
    });
  }
  const length = daysInYear(year);
  const working = new Uint8Array(length);
  let weekday = weekdayOfNewYear(year);
  for (let i = 0; i < length; i++) {
    working[i] = isWeekend(weekday) ? 0 : 1;
    weekday = (weekday + 1) % 7;
  }
  if (known) {
    for (const holiday of known.holidays) working[keyDayOfYear(dayKey(holiday.date))] = 0;
    for (const workday of known.workdays) working[keyDayOfYear(dayKey(workday))] = 1;
  }
  const workingThrough = new Uint16Array(length);
  let total = 0;
  for (let i = 0; i < length; i++) {
    total += working[i] ?? 0;
    workingThrough[i] = total;
  }
  return {
    year,
    source: known ? known.source : 'assumed',
    data: known ? { holidays: known.holidays, workdays: known.workdays } : NO_DATA,
    working,
    workingThrough,
    dates: datesOfYear(year),
    warnings: known ? NO_WARNINGS : Object.freeze([assumedYearWarning(year)]),
  };
}
