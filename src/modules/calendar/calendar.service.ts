import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assertReadable } from '../intake/record-source.js';
import { type CalendarYear, type KnownYear, WorkingCalendar, type YearSource } from './calendar.js';
import * as repo from './calendar.repository.js';
import { FIRST_YEAR, LAST_YEAR } from './calendar-dates.js';
import { packageYears } from './package-years.js';
import { checkYearData, type Holiday, type YearData } from './year-data.js';

/** A year as `calendar show` reports it: what the calendar uses, and where it came from. */
export interface YearReport extends CalendarYear {
  /** Whether the chinese-days package has this year (an override replaces it). */
  packageCovers: boolean;
  override: { version: number; reference: string; createdAt: string; updatedAt: string } | null;
  /** Every version of the override, oldest first. */
  versions: Array<{ version: number; reference: string; recordedAt: string; holidays: number; workdays: number }>;
}

export interface YearChanges {
  holidaysAdded: Holiday[];
  holidaysRemoved: Holiday[];
  workdaysAdded: string[];
  workdaysRemoved: string[];
}

export interface SetYearResult {
  year: number;
  status: 'created' | 'updated' | 'unchanged';
  version: number;
  reference: string;
  /** What the calendar used for the year before: the package, an earlier override, or Monday–Friday. */
  previousSource: YearSource;
  /** Against what the calendar used before. */
  changes: YearChanges;
}

const REFERENCE_MAX_LENGTH = 200;
const NO_REFERENCE = '未注明 (not given)';

/**
 * The working calendar the deadlines count in (P5.7, P5.13): the chinese-days package's years,
 * each replaced by a local override where one is stored. Build it once per scan.
 */
export async function loadCalendar(deps: Deps): Promise<WorkingCalendar> {
  const overrides = await repo.listOverrides(deps.db.kysely);
  return new WorkingCalendar(knownYears(overrides));
}

function knownYears(overrides: readonly repo.StoredYear[]): KnownYear[] {
  const years: KnownYear[] = [];
  for (const [year, data] of packageYears()) years.push({ year, source: 'package', ...data });
  for (const o of overrides)
    years.push({ year: o.year, source: 'override', holidays: o.holidays, workdays: o.workdays });
  return years;
}

/** One year of the calendar with its source and its override history. */
export async function showYear(deps: Deps, year: number): Promise<YearReport> {
  checkYear(year);
  const q = deps.db.kysely;
  const calendar = await loadCalendar(deps);
  const current = await repo.findOverride(q, year);
  const versions = await repo.listVersions(q, year);
  return {
    ...calendar.year(year),
    packageCovers: packageYears().has(year),
    override: current
      ? {
          version: current.version,
          reference: current.reference,
          createdAt: current.createdAt,
          updatedAt: current.updatedAt,
        }
      : null,
    versions: versions.map((v) => ({
      version: v.version,
      reference: v.reference,
      recordedAt: v.recordedAt,
      holidays: v.holidays.length,
      workdays: v.workdays.length,
    })),
  };
}

/**
 * Stores a year's official calendar as a local override (it wins over the package). The data is
 * checked first and refused with every problem listed; the same data again changes nothing; a
 * change is a new version, the earlier ones kept.
 */
export async function setYear(
  deps: Deps,
  year: number,
  data: unknown,
  options: { reference?: string } = {},
): Promise<SetYearResult> {
  checkYear(year);
  const checked = checkYearData(year, data);
  const reference = options.reference?.trim() || NO_REFERENCE;
  const problems = [...checked.problems];
  if (reference.length > REFERENCE_MAX_LENGTH) {
    problems.push(
      `来源说明超过 ${REFERENCE_MAX_LENGTH} 字 (the reference is longer than ${REFERENCE_MAX_LENGTH} characters)`,
    );
  }
  if (!checked.data || problems.length > 0) {
    throw new AppError(
      'BAD_INPUT',
      {
        zh: `${year} 年的日历数据有 ${problems.length} 处问题，未保存`,
        en: `the calendar data for ${year} has ${problems.length} problem(s) and was not saved`,
      },
      { details: problems },
    );
  }
  const next = checked.data;
  const now = deps.clock.now().toISOString();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const current = await repo.findOverride(trx, year);
    const packaged = packageYears().get(year);
    const previous: YearData = current ?? packaged ?? { holidays: [], workdays: [] };
    const previousSource: YearSource = current ? 'override' : packaged ? 'package' : 'assumed';
    const changes = compareYears(previous, next);
    if (current && sameData(current, next) && current.reference === reference) {
      return { year, status: 'unchanged', version: current.version, reference, previousSource, changes };
    }
    const version = (current?.version ?? 0) + 1;
    await repo.saveOverride(trx, { year, ...next, reference, version }, now);
    return { year, status: current ? 'updated' : 'created', version, reference, previousSource, changes };
  });
}

/** `setYear` from a JSON file `{ "holidays": [{ "date", "name" }], "workdays": [dates] }`. */
export async function setYearFromFile(
  deps: Deps,
  year: number,
  file: string,
  options: { reference?: string } = {},
): Promise<SetYearResult> {
  assertReadable(file);
  const text = fs.readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (cause) {
    throw new AppError(
      'BAD_INPUT',
      { zh: `文件 ${file} 不是有效的 JSON`, en: `the file ${file} is not valid JSON` },
      { details: [(cause as Error).message], cause },
    );
  }
  return setYear(deps, year, data, { reference: options.reference ?? path.basename(file) });
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new AppError('BAD_INPUT', {
      zh: `年份应为 ${FIRST_YEAR} 至 ${LAST_YEAR} 之间的整数`,
      en: `a year must be a whole number from ${FIRST_YEAR} to ${LAST_YEAR}`,
    });
  }
}

function sameData(a: YearData, b: YearData): boolean {
  return (
    JSON.stringify(a.holidays) === JSON.stringify(b.holidays) &&
    JSON.stringify(a.workdays) === JSON.stringify(b.workdays)
  );
}

function compareYears(before: YearData, after: YearData): YearChanges {
  const holidayKey = (h: Holiday) => `${h.date} ${h.name}`;
  const beforeHolidays = new Set(before.holidays.map(holidayKey));
  const afterHolidays = new Set(after.holidays.map(holidayKey));
  const beforeWorkdays = new Set(before.workdays);
  const afterWorkdays = new Set(after.workdays);
  return {
    holidaysAdded: after.holidays.filter((h) => !beforeHolidays.has(holidayKey(h))),
    holidaysRemoved: before.holidays.filter((h) => !afterHolidays.has(holidayKey(h))),
    workdaysAdded: after.workdays.filter((d) => !beforeWorkdays.has(d)),
    workdaysRemoved: before.workdays.filter((d) => !afterWorkdays.has(d)),
  };
}
