import { createHash } from 'node:crypto';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { addDays, chinaDate, parseTimestamp } from '../intake/china-time.js';

/** The scan's rules (INTERCHANGE §5). */
export const SCAN_RULES = ['SHARED_PHONE', 'SHARED_ACCOUNT', 'AGENT_CONTACT', 'COMPLAINT_RECHECK'] as const;
export type ScanRule = (typeof SCAN_RULES)[number];

/** Default cooling-off period (犹豫期): at least 15 calendar days from the receipt (回执签收). */
export const DEFAULT_COOLING_OFF_DAYS = 15;
/** P5.13: the channel's back office clears an item within 3 working days of receiving it. */
export const WORKING_DAYS_TO_CLEAR = 3;
/** More households than this on one value (a switchboard, a hospital) raise one item, not a flood. */
export const FLOOD_HOUSEHOLDS = 10;

/**
 * A stable id per shared value (or per seller under re-check), so every item it raises can be
 * worked as one cluster. Derived from the blind index, never from a personal value.
 */
export function linkIdOf(rule: ScanRule, key: string): string {
  return `L-${createHash('sha256').update(`${rule}\u0000${key}`).digest('hex').slice(0, 16)}`;
}

/** `Q20261130-000017`: the detection day and its sequence. */
export function itemNoOf(detectedOn: string, sequence: number): string {
  return `Q${detectedOn.replaceAll('-', '')}-${String(sequence).padStart(6, '0')}`;
}

/** The last day of the cooling-off period, from the China date the receipt was signed. */
export function coolingOffEndsOn(receiptSignedOn: string | null, days: number): string | null {
  return receiptSignedOn ? addDays(receiptSignedOn, days) : null;
}

/**
 * INTERCHANGE §5: when a policy's cooling-off period ends, from the instant its receipt was signed
 * (its China date) and its product's period, the default when the product has none. Null while the
 * receipt is not signed.
 */
export function coolingOffEndOf(receiptSignedAt: string | null | undefined, days: number | undefined): string | null {
  const receiptMs = receiptSignedAt ? parseTimestamp(receiptSignedAt) : undefined;
  return coolingOffEndsOn(receiptMs === undefined ? null : chinaDate(receiptMs), days ?? DEFAULT_COOLING_OFF_DAYS);
}

export interface Deadline {
  dueOn: string;
  warnings: ReadonlyArray<{ code: string; year: number; zh: string; en: string }>;
}

/**
 * P5.13 / INTERCHANGE §5: due 3 working days after the back office receives the item, and before
 * the cooling-off period ends — the earlier of the two.
 */
export function dueOn(calendar: WorkingCalendar, receivedOn: string, coolingOffEnd: string | null): Deadline {
  const working = calendar.addWorkingDays(receivedOn, WORKING_DAYS_TO_CLEAR);
  const due = coolingOffEnd !== null && coolingOffEnd < working.date ? coolingOffEnd : working.date;
  return { dueOn: due, warnings: working.warnings };
}
