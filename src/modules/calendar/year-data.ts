import { dayKey, isWeekend, keyWeekday, keyYear } from './calendar-dates.js';

/**
 * One year of the official PRC working calendar as the State Council's notice gives it
 * (国务院办公厅关于某年部分节假日安排的通知): the days off, each with its holiday's name, and the
 * weekend days made working days (调休上班). Every other Monday–Friday is a working day.
 */
export interface Holiday {
  date: string;
  name: string;
}

export interface YearData {
  /** Sorted by date, one entry per day off (weekend days inside a holiday period included). */
  holidays: Holiday[];
  /** Weekend days made working days (补班), sorted. */
  workdays: string[];
}

export interface CheckedYearData {
  /** The data, sorted; undefined when there is any problem. */
  data: YearData | undefined;
  /** Every problem found, each `中文 (English)`. */
  problems: string[];
}

const KEYS = new Set(['holidays', 'workdays']);
const NAME_MAX_LENGTH = 50;

/**
 * Checks one year's data (from a file or the store) and lists every problem, not just the first:
 * real dates, all inside the year, holidays on distinct days with a name, make-up working days on
 * Saturdays or Sundays, no day both. A year without a single day off is refused: it is an empty
 * or truncated file, not a notice.
 */
export function checkYearData(year: number, raw: unknown): CheckedYearData {
  const problems: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      data: undefined,
      problems: ['应为含 holidays 和 workdays 的 JSON 对象 (must be a JSON object with holidays and workdays)'],
    };
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) problems.push(`未知字段 “${key}” (unknown field "${key}")`);
  }

  const holidays: Holiday[] = [];
  const holidayAt = new Map<string, number>();
  if (!Array.isArray(record.holidays)) {
    problems.push('holidays 应为数组 (holidays must be an array)');
  } else {
    if (record.holidays.length === 0) {
      problems.push('holidays 为空：官方放假安排至少有元旦 (holidays is empty: every notice has at least New Year)');
    }
    record.holidays.forEach((entry: unknown, i) => {
      const path = `holidays[${i}]`;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        problems.push(`${path} 应为 { date, name } 对象 (${path} must be an object { date, name })`);
        return;
      }
      const { date, name } = entry as Record<string, unknown>;
      const dateOk = checkDate(year, date, `${path}.date`, problems);
      const nameOk = typeof name === 'string' && name.trim() !== '' && name.trim().length <= NAME_MAX_LENGTH;
      if (!nameOk) {
        problems.push(
          `${path}.name 应为不超过 ${NAME_MAX_LENGTH} 字的节日名称 (${path}.name must be the holiday's name, at most ${NAME_MAX_LENGTH} characters)`,
        );
      }
      if (!dateOk) return;
      const first = holidayAt.get(date as string);
      if (first !== undefined) {
        problems.push(
          `${path}.date ${date} 与 holidays[${first}] 重复 (${path}.date ${date} repeats holidays[${first}])`,
        );
        return;
      }
      holidayAt.set(date as string, i);
      if (nameOk) holidays.push({ date: date as string, name: (name as string).trim() });
    });
  }

  const workdays: string[] = [];
  const workdayAt = new Map<string, number>();
  if (!Array.isArray(record.workdays)) {
    problems.push('workdays 应为数组（可为空）(workdays must be an array, possibly empty)');
  } else {
    record.workdays.forEach((date: unknown, i) => {
      const path = `workdays[${i}]`;
      if (!checkDate(year, date, path, problems)) return;
      const day = date as string;
      if (!isWeekend(keyWeekday(dayKey(day)))) {
        problems.push(
          `${path} ${day} 不是周六或周日：调休上班日只能是周末 (${path} ${day} is not a Saturday or Sunday: only weekend days are made working days)`,
        );
      }
      const first = workdayAt.get(day);
      if (first !== undefined) {
        problems.push(`${path} ${day} 与 workdays[${first}] 重复 (${path} ${day} repeats workdays[${first}])`);
      } else workdayAt.set(day, i);
      const holiday = holidayAt.get(day);
      if (holiday !== undefined) {
        problems.push(
          `${path} ${day} 同时列为 holidays[${holiday}]：一天不能既放假又上班 (${path} ${day} is also holidays[${holiday}]: a day cannot be both off and worked)`,
        );
      }
      workdays.push(day);
    });
  }

  if (problems.length > 0) return { data: undefined, problems };
  holidays.sort((a, b) => (a.date < b.date ? -1 : 1));
  workdays.sort();
  return { data: { holidays, workdays }, problems };
}

function checkDate(year: number, value: unknown, path: string, problems: string[]): boolean {
  if (typeof value !== 'string' || dayKey(value) < 0) {
    const shown = typeof value === 'string' ? ` “${value}”` : '';
    const shownEn = typeof value === 'string' ? ` "${value}"` : '';
    problems.push(`${path}${shown} 不是真实日期 YYYY-MM-DD (${path}${shownEn} is not a real date written YYYY-MM-DD)`);
    return false;
  }
  if (keyYear(dayKey(value)) !== year) {
    problems.push(`${path} ${value} 不在 ${year} 年内 (${path} ${value} is not in ${year})`);
    return false;
  }
  return true;
}

/** A run of consecutive days off under one name, as notices write them: 10月1日至8日. */
export interface HolidayPeriod {
  name: string;
  from: string;
  to: string;
  days: number;
}

/**
 * Groups sorted holidays into runs of consecutive days with the same name. 2025's National Day
 * gives three runs, because 6 October was Mid-Autumn inside it.
 */
export function holidayPeriods(holidays: readonly Holiday[]): HolidayPeriod[] {
  const periods: HolidayPeriod[] = [];
  let previousKey = -2;
  for (const holiday of holidays) {
    const key = dayKey(holiday.date);
    const last = periods[periods.length - 1];
    if (last && last.name === holiday.name && keyYear(key) === keyYear(previousKey) && key === previousKey + 1) {
      last.to = holiday.date;
      last.days++;
    } else periods.push({ name: holiday.name, from: holiday.date, to: holiday.date, days: 1 });
    previousKey = key;
  }
  return periods;
}

/** English names of the statutory holidays (全国年节及纪念日放假办法), for bilingual output. */
export const HOLIDAY_NAMES_EN: Readonly<Record<string, string>> = {
  元旦: "New Year's Day",
  春节: 'Spring Festival',
  清明: 'Qingming Festival',
  清明节: 'Qingming Festival',
  劳动节: 'Labour Day',
  端午: 'Dragon Boat Festival',
  端午节: 'Dragon Boat Festival',
  中秋: 'Mid-Autumn Festival',
  中秋节: 'Mid-Autumn Festival',
  国庆节: 'National Day',
};
