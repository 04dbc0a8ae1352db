import type { Kysely, Selectable } from 'kysely';
import type { CalendarYearTable, Database } from '../../platform/db/schema.js';
import type { Holiday } from './year-data.js';

type Q = Kysely<Database>;

/** A calendar override as stored: the current version of one year. */
export interface StoredYear {
  year: number;
  holidays: Holiday[];
  workdays: string[];
  reference: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One version of a year's override, from the history. */
export interface StoredYearVersion {
  year: number;
  version: number;
  holidays: Holiday[];
  workdays: string[];
  reference: string;
  recordedAt: string;
}

export async function listOverrides(q: Q): Promise<StoredYear[]> {
  const rows = await q.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  return rows.map(toStoredYear);
}

export async function findOverride(q: Q, year: number): Promise<StoredYear | undefined> {
  const row = await q.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
  return row && toStoredYear(row);
}

/** Writes the year's current row and its version row: every version stays in the history. */
export async function saveOverride(
  q: Q,
  override: Pick<StoredYear, 'year' | 'holidays' | 'workdays' | 'reference' | 'version'>,
  now: string,
): Promise<void> {
  const values = {
    holidays: JSON.stringify(override.holidays),
    workdays: JSON.stringify(override.workdays),
    reference: override.reference,
    version: override.version,
    updated_at: now,
  };
  await q
    .insertInto('calendar_years')
    .values({ year: override.year, ...values, created_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
  await q
    .insertInto('calendar_year_versions')
    .values({
      year: override.year,
      version: override.version,
      holidays: values.holidays,
      workdays: values.workdays,
      reference: override.reference,
      recorded_at: now,
    })
    .execute();
}

/** The versions of a year's override, oldest first. */
export async function listVersions(q: Q, year: number): Promise<StoredYearVersion[]> {
  const rows = await q
    .selectFrom('calendar_year_versions')
    .selectAll()
    .where('year', '=', year)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    version: Number(r.version),
    holidays: JSON.parse(r.holidays) as Holiday[],
    workdays: JSON.parse(r.workdays) as string[],
    reference: r.reference,
    recordedAt: r.recorded_at,
  }));
}

function toStoredYear(row: Selectable<CalendarYearTable>): StoredYear {
  return {
    year: Number(row.year),
    holidays: JSON.parse(row.holidays) as Holiday[],
    workdays: JSON.parse(row.workdays) as string[],
    reference: row.reference,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
