/**
 * Civil-date arithmetic on China dates written `YYYY-MM-DD`, without `Date` objects: the scan
 * computes a deadline for every problem item (P5.7, P5.13), so a date is read straight from its
 * characters and a day is its position in its year.
 */

/** Years a calendar date may have: four digits, no leading zero. */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;

/** Days before the first of each month in a common year. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const ZERO = 48;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/**
 * Reads a `YYYY-MM-DD` date as one number, `year * 1000 + dayOfYear` (day of year from 0), so
 * nothing is allocated per call; -1 when the text is not a real Gregorian date.
 */
export function dayKey(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const year = digits(date, 0, 4);
  const month = digits(date, 5, 7);
  const day = digits(date, 8, 10);
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1) return -1;
  const leap = isLeapYear(year);
  const monthLength = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > monthLength) return -1;
  const before = (DAYS_BEFORE_MONTH[month - 1] ?? 0) + (leap && month > 2 ? 1 : 0);
  return year * 1000 + before + day - 1;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export function keyYear(key: number): number {
  return Math.floor(key / 1000);
}

export function keyDayOfYear(key: number): number {
  return key % 1000;
}

/** Day of the week of 1 January (0 = Sunday … 6 = Saturday), by Sakamoto's method. */
export function weekdayOfNewYear(year: number): number {
  const y = year - 1;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + 1) % 7;
}

/** Day of the week (0 = Sunday … 6 = Saturday) of a date read by `dayKey`. */
export function keyWeekday(key: number): number {
  return (weekdayOfNewYear(keyYear(key)) + keyDayOfYear(key)) % 7;
}

export function isWeekend(weekday: number): boolean {
  return weekday === 0 || weekday === 6;
}

/** Every date of a year as text, by day of year: built once per year, then answers allocate nothing. */
export function datesOfYear(year: number): string[] {
  const dates: string[] = [];
  const prefix = `${year}-`;
  for (let month = 1; month <= 12; month++) {
    const length = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    const monthText = `${prefix}${month < 10 ? '0' : ''}${month}-`;
    for (let day = 1; day <= length; day++) dates.push(`${monthText}${day < 10 ? '0' : ''}${day}`);
  }
  return dates;
}
