import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { loadCalendar, setYear, setYearFromFile, showYear } from './calendar.service.js';

/** Illustrative 2027 data (the official notice is not yet published). */
const YEAR_2027 = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-02', name: '元旦' },
    { date: '2027-01-03', name: '元旦' },
  ],
  workdays: [],
};

async function rejection(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(DIALECTS)('calendar overrides on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect, { clock: fixedClock('2026-11-20T10:00:00+08:00') });
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('shows a package year with its names, and an unknown year as assumed', async () => {
    const year2026 = await showYear(store, 2026);
    expect(year2026).toMatchObject({
      year: 2026,
      source: 'package',
      packageCovers: true,
      override: null,
      versions: [],
    });
    expect(year2026.holidays).toHaveLength(33);
    expect(year2026.holidays[0]).toEqual({ date: '2026-01-01', name: '元旦' });
    expect(year2026.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(year2026.warnings).toEqual([]);

    const year2027 = await showYear(store, 2027);
    expect(year2027).toMatchObject({ source: 'assumed', assumed: true, packageCovers: false, holidays: [] });
    expect(year2027.warnings.map((w) => [w.code, w.year])).toEqual([['CALENDAR_YEAR_ASSUMED', 2027]]);
  });

  it('stores a year, takes it into the calendar, and keeps every version', async () => {
    const first = await setYear(store, 2027, YEAR_2027, { reference: '示例 (example)' });
    expect(first).toMatchObject({ year: 2027, status: 'created', version: 1, previousSource: 'assumed' });
    expect(first.changes.holidaysAdded).toHaveLength(3);

    const calendar = await loadCalendar(store);
    expect(calendar.isWorkingDay('2027-01-01')).toMatchObject({ working: false, assumed: false, warnings: [] });
    expect(calendar.addWorkingDays('2026-12-31', 1).date).toBe('2027-01-04');

    // The same data again changes nothing.
    expect(await setYear(store, 2027, YEAR_2027, { reference: '示例 (example)' })).toMatchObject({
      status: 'unchanged',
      version: 1,
    });

    const changed = { ...YEAR_2027, workdays: ['2027-01-09'] };
    const second = await setYear(store, 2027, changed, { reference: '国办发明电 (notice)' });
    expect(second).toMatchObject({ status: 'updated', version: 2, previousSource: 'override' });
    expect(second.changes).toEqual({
      holidaysAdded: [],
      holidaysRemoved: [],
      workdaysAdded: ['2027-01-09'],
      workdaysRemoved: [],
    });

    const shown = await showYear(store, 2027);
    expect(shown).toMatchObject({
      source: 'override',
      assumed: false,
      warnings: [],
      workdays: ['2027-01-09'],
      override: { version: 2, reference: '国办发明电 (notice)', updatedAt: '2026-11-20T02:00:00.000Z' },
    });
    expect(shown.versions.map((v) => [v.version, v.reference, v.holidays, v.workdays])).toEqual([
      [1, '示例 (example)', 3, 0],
      [2, '国办发明电 (notice)', 3, 1],
    ]);
    // The first version's content is still there.
    const history = await store.db.kysely
      .selectFrom('calendar_year_versions')
      .select(['version', 'workdays'])
      .where('year', '=', 2027)
      .orderBy('version')
      .execute();
    expect(history.map((h) => [Number(h.version), JSON.parse(h.workdays)])).toEqual([
      [1, []],
      [2, ['2027-01-09']],
    ]);
  });

  it('lets an override replace a package year', async () => {
    const result = await setYear(store, 2026, { holidays: [{ date: '2026-01-01', name: '元旦' }], workdays: [] });
    expect(result.previousSource).toBe('package');
    expect(result.changes.holidaysRemoved).toHaveLength(32);
    expect(result.changes.workdaysRemoved).toHaveLength(6);
    const calendar = await loadCalendar(store);
    expect(calendar.isWorkingDay('2026-02-16').working).toBe(true);
    expect(calendar.isWorkingDay('2025-01-28').working).toBe(false);
    expect(await showYear(store, 2026)).toMatchObject({ source: 'override', packageCovers: true });
  });

  it('refuses bad data with every problem listed, and writes nothing', async () => {
    const error = await rejection(
      setYear(store, 2027, {
        holidays: [{ date: '2027-13-01', name: '元旦' }],
        workdays: ['2027-01-04', '2028-01-01'],
      }),
    );
    expect(error.kind).toBe('BAD_INPUT');
    expect(error.zh).toContain('3 处问题');
    expect(error.en).toContain('3 problem(s)');
    expect(error.details).toHaveLength(3);
    expect((await showYear(store, 2027)).source).toBe('assumed');
    const rows = await store.db.kysely.selectFrom('calendar_year_versions').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('reads a year from a file, naming the file as the reference', async () => {
    const file = path.join(store.dir, '2027.json');
    fs.writeFileSync(file, JSON.stringify(YEAR_2027));
    expect(await setYearFromFile(store, 2027, file)).toMatchObject({ status: 'created', reference: '2027.json' });
    fs.writeFileSync(file, '{ "holidays": [');
    expect((await rejection(setYearFromFile(store, 2027, file))).kind).toBe('BAD_INPUT');
    expect((await rejection(setYearFromFile(store, 2027, path.join(store.dir, 'none.json')))).kind).toBe(
      'UNREADABLE_FILE',
    );
  });
});
