/**
 * Calendar arithmetic on day numbers (days since 1970-01-01), without Date objects in the hot path.
 * Civil-date conversion after Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilOf(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a real YYYY-MM-DD date, or undefined. */
export function parseIsoDate(value: string): number | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const n = dayNumberOf(year, month, day);
  const back = civilOf(n);
  return back.year === year && back.month === month && back.day === day ? n : undefined;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDateOf(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** YYYYMMDD, as inside a resident ID number. */
export function compactDateOf(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  return `${year}${pad2(month)}${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** China-time timestamp with an explicit +08:00 offset. */
export function chinaTimestamp(dayNumber: number, secondOfDay: number): string {
  const hours = Math.floor(secondOfDay / 3600);
  const minutes = Math.floor((secondOfDay % 3600) / 60);
  const seconds = secondOfDay % 60;
  return `${isoDateOf(dayNumber)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}+08:00`;
}

/** The same calendar day `months` later or earlier, clamped to the month's end. */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilOf(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = civilOf(dayNumberOf(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1).day;
  return dayNumberOf(y, m, Math.min(day, lastDay));
}

export function yearOf(dayNumber: number): number {
  return civilOf(dayNumber).year;
}
