import { createRequire } from 'node:module';
import { AppError } from '../../platform/errors.js';
import { dayKey, keyYear } from './calendar-dates.js';
import type { Holiday, YearData } from './year-data.js';

/**
 * The official calendars bundled in the `chinese-days` package (MIT), read once from its data
 * file — never through its API: asked about a year it lacks (2027 in 1.5.7), the API silently
 * answers "workday". Read-only reference data, loaded lazily like `identity/regions.ts`.
 */
interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DATA_FILE = 'chinese-days/dist/chinese-days.json';

/**
 * Every State Council notice has a Spring Festival (January/February) and a National Day
 * (October) break. A year with both is covered; a year with some other date only (a New Year
 * break that starts on 30 December belongs to the next year's notice) is not.
 */
const MARKER_HOLIDAYS = ['春节', '国庆节'] as const;

let years: ReadonlyMap<number, YearData> | undefined;

/** The years the package covers, each with its days off (named in Chinese) and make-up working days. */
export function packageYears(): ReadonlyMap<number, YearData> {
  years ??= readPackageYears();
  return years;
}

function readPackageYears(): Map<number, YearData> {
  let data: PackageData;
  try {
    data = createRequire(import.meta.url)(DATA_FILE) as PackageData;
  } catch (cause) {
    throw new AppError(
      'INTERNAL',
      { zh: `无法读取节假日数据 ${DATA_FILE}`, en: `cannot read the holiday data ${DATA_FILE}` },
      { cause },
    );
  }
  const byYear = new Map<number, YearData>();
  const yearOf = (date: string): YearData => {
    const key = dayKey(date);
    if (key < 0) {
      throw new AppError('INTERNAL', {
        zh: `节假日数据中有无效日期 ${date}`,
        en: `the holiday data has an invalid date ${date}`,
      });
    }
    const year = keyYear(key);
    let entry = byYear.get(year);
    if (!entry) {
      entry = { holidays: [], workdays: [] };
      byYear.set(year, entry);
    }
    return entry;
  };
  // Values read "English name,中文名,days": keep the Chinese name, as the notices write it.
  for (const [date, value] of Object.entries(data.holidays)) {
    const holiday: Holiday = { date, name: value.split(',')[1]?.trim() || value };
    yearOf(date).holidays.push(holiday);
  }
  for (const date of Object.keys(data.workdays)) yearOf(date).workdays.push(date);

  const covered = new Map<number, YearData>();
  for (const [year, entry] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const names = new Set(entry.holidays.map((h) => h.name));
    if (!MARKER_HOLIDAYS.every((name) => names.has(name))) continue;
    entry.holidays.sort((a, b) => (a.date < b.date ? -1 : 1));
    entry.workdays.sort();
    covered.set(year, entry);
  }
  return covered;
}
