import { civilOf } from './dates.js';

/** Whole years of age on a day; the birthday itself counts. */
export function ageOn(birthDay: number, onDay: number): number {
  const birth = civilOf(birthDay);
  const on = civilOf(onDay);
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

export const DAYS_PER_YEAR = 365.2425;

/** A birth day for someone aged `age` on `onDay`, at a random point of that year of life. */
export function birthDayForAge(onDay: number, age: number, fraction: number): number {
  return onDay - Math.floor((age + fraction) * DAYS_PER_YEAR) - 1;
}
