/** Birth dates inside ID numbers (GB 11643 §5.2: YYYYMMDD per GB/T 7408). */

const EARLIEST_BIRTH_DATE = '1900-01-01';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type BirthDateProblem = 'not-a-date' | 'future' | 'before-1900';

export interface BirthDateReading {
  /** YYYY-MM-DD, set when the digits are a real calendar date (even if out of range). */
  date?: string;
  problem?: BirthDateProblem;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** YYYY-MM-DD for eight digits YYYYMMDD when they are a real calendar date. */
export function compactToIsoDate(yyyymmdd: string): string | undefined {
  if (!/^\d{8}$/.test(yyyymmdd)) return undefined;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** A birth date must be real, not after `today` and not before 1900 (INTERCHANGE §3 ID_BIRTHDATE). */
export function readBirthDate(yyyymmdd: string, today: string): BirthDateReading {
  const date = compactToIsoDate(yyyymmdd);
  if (date === undefined) return { problem: 'not-a-date' };
  if (date > today) return { date, problem: 'future' };
  if (date < EARLIEST_BIRTH_DATE) return { date, problem: 'before-1900' };
  return { date };
}

/** `today` is a parameter everywhere (no wall clock in rules); a malformed one is a programming error. */
export function assertIsoDate(today: string): void {
  if (!ISO_DATE.test(today)) throw new TypeError(`today must be YYYY-MM-DD, got ${JSON.stringify(today)}`);
}

export function describeBirthDateProblem(problem: BirthDateProblem, today: string): { zh: string; en: string } {
  switch (problem) {
    // Messages are stored and shown unmasked: they never repeat the birth date itself.
    case 'not-a-date':
      return { zh: '出生日期部分不是真实日期', en: 'the birth-date part is not a real date' };
    case 'future':
      return { zh: `出生日期部分晚于今天（${today}）`, en: `the birth-date part lies after today (${today})` };
    case 'before-1900':
      return { zh: '出生日期部分早于1900年', en: 'the birth-date part is before 1900' };
  }
}
