import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { TEST_PASSWORD } from '../../../test/server.js';
import { loadSmallBook, SMALL_BOOK_PHONES } from '../../../test/small-book.js';
import { parseScope } from '../../platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import { fixedClock } from '../../platform/clock.js';
import type { Role } from '../../shared/roles.js';
import { addUser, disableUser } from '../users/users.service.js';
import { escalateOverdue } from './escalation.service.js';
import { scanThenEscalate } from './escalation-job.js';

const PLAIN = new RegExp([...SMALL_BOOK_PHONES, '张伟', '李娜', '陈静', '周强', '440106'].join('|'));

describe.each(DIALECTS)('escalation of overdue items on %s (P5.13)', (dialect) => {
  let store: TestStore;
  const ids = new Map<string, number>();

  async function staff(username: string, role: Role, scope: string[], email?: string) {
    const user = await addUser(store, SYSTEM_CONTEXT, {
      username,
      role,
      scope: parseScope(scope),
      password: TEST_PASSWORD,
      displayName: username.toUpperCase(),
      email,
    });
    ids.set(username, user.id);
  }
  const q = () => store.db.kysely;
  const notificationsOf = async (username: string) =>
    (
      await q()
        .selectFrom('notifications')
        .select('item_no')
        .where('user_id', '=', ids.get(username) ?? -1)
        .orderBy('item_no')
        .execute()
    ).map((n) => n.item_no);

  beforeEach(async () => {
    // The job runs on the day it escalates as of, or later: never for a day still to come.
    store = await createTestStore(dialect, { clock: fixedClock('2026-12-07T06:40:00+08:00') });
    await loadSmallBook(store);
    await staff('qudao-gd', 'channel_management', ['branch:GD'], 'qudao.gd@insurer.example');
    await staff('qudao-bj', 'channel_management', ['channel:bancassurance'], 'qudao.bj@insurer.example');
    await staff('hegui', 'compliance', [], 'hegui@insurer.example');
    await staff('hegui-nomail', 'compliance', []);
    await staff('hegui-gone', 'compliance', [], 'gone@insurer.example');
    await disableUser(store, SYSTEM_CONTEXT, 'hegui-gone');
    await staff('kefu', 'customer_service', [], 'kefu@insurer.example');
  });
  afterEach(() => store.destroy());

  it('escalates nothing on the due day itself', async () => {
    expect(await escalateOverdue(store, { asOf: '2026-12-03' })).toEqual({
      asOf: '2026-12-03',
      escalated: 0,
      notifications: 0,
      mails: 0,
    });
  });

  it('notifies channel management and compliance within their scope, mails each once, audits each item', async () => {
    // Work in hand is owed; an item awaiting verification or closed is not.
    await q().updateTable('problem_items').set({ status: 'submitted' }).where('policy_no', '=', 'P4').execute();
    const report = await escalateOverdue(store, { asOf: '2026-12-04' });
    expect(report).toEqual({ asOf: '2026-12-04', escalated: 3, notifications: 9, mails: 3 });

    // Item numbers follow the blind indexes, whose key is random per store: look them up.
    const itemOf = new Map(
      (await q().selectFrom('problem_items').select(['item_no', 'policy_no']).execute()).map((i) => [
        i.policy_no,
        i.item_no,
      ]),
    );
    const [p1, p2, p3] = ['P1', 'P2', 'P3'].map((p) => itemOf.get(p) ?? '');
    const gd = [p1, p2].sort() as [string, string];
    expect(await notificationsOf('qudao-gd')).toEqual(gd);
    const all = [p1, p2, p3].sort();
    expect(await notificationsOf('qudao-bj')).toEqual([p3]);
    expect(await notificationsOf('hegui')).toEqual(all);
    expect(await notificationsOf('hegui-nomail')).toEqual(all);
    expect(await notificationsOf('hegui-gone')).toEqual([]);
    expect(await notificationsOf('kefu')).toEqual([]);

    const items = await q()
      .selectFrom('problem_items')
      .select(['policy_no', 'escalated_on'])
      .orderBy('policy_no')
      .execute();
    expect(items.map((i) => i.escalated_on)).toEqual(['2026-12-04', '2026-12-04', '2026-12-04', null]);

    const mails = await q().selectFrom('mail_outbox').selectAll().orderBy('to_address').execute();
    expect(mails.map((m) => m.to_address)).toEqual([
      'hegui@insurer.example',
      'qudao.bj@insurer.example',
      'qudao.gd@insurer.example',
    ]);
    const gdMail = mails[2];
    expect(gdMail?.subject).toContain(gd[0]);
    expect(gdMail?.subject).toContain('2 件');
    expect(gdMail?.body).toContain('QUDAO-GD');
    for (const text of [gd[1], 'P1', 'P2', '2026-12-03', 'SHARED_PHONE', `http://console.test/items/${gd[0]}`]) {
      expect(gdMail?.body).toContain(text);
    }
    expect(mails.map((m) => `${m.subject}\n${m.body}`).join('\n')).not.toMatch(PLAIN);
    expect(mails.every((m) => m.sent_at === null && m.attempts === 0 && m.next_attempt_at !== null)).toBe(true);

    const events = await q().selectFrom('audit_events').selectAll().where('type', '=', 'item.escalated').execute();
    expect(events.map((e) => e.object_id).sort()).toEqual(all);
    const first = events.find((e) => e.object_id === gd[0]);
    expect(JSON.parse(first?.data ?? '{}')).toEqual({
      dueOn: '2026-12-03',
      notifiedUserIds: [ids.get('qudao-gd'), ids.get('hegui'), ids.get('hegui-nomail')],
    });
    expect(first?.actor).toBe('veracity');
    const history = await q()
      .selectFrom('problem_item_history')
      .selectAll()
      .where('action', '=', 'escalated')
      .execute();
    expect(history.map((h) => [h.item_no, h.from_status, h.to_status, h.note]).sort()).toEqual(
      all.map((itemNo) => [itemNo, 'open', 'open', 'notified:3']),
    );
  });

  it('doubles nothing when run again, on the same day or a later one', async () => {
    await escalateOverdue(store, { asOf: '2026-12-04' });
    const count = async (table: 'notifications' | 'mail_outbox' | 'audit_events') =>
      Number(
        (
          await q()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await count('notifications'), await count('mail_outbox'), await count('audit_events')];
    expect(await escalateOverdue(store, { asOf: '2026-12-04' })).toMatchObject({ escalated: 0, mails: 0 });
    expect(await escalateOverdue(store, { asOf: '2026-12-07' })).toMatchObject({ escalated: 0, mails: 0 });
    expect([await count('notifications'), await count('mail_outbox'), await count('audit_events')]).toEqual(before);
  });

  it('runs as the daily job after the scan, and skips a scan already run that day', async () => {
    const scans: string[] = [];
    let scanned = false;
    const reports: number[] = [];
    const job = scanThenEscalate(
      store,
      {
        name: 'scan',
        at: '06:30',
        doneOn: async () => scanned,
        run: async (day) => {
          scans.push(day);
          scanned = true;
        },
      },
      (report) => reports.push(report.escalated),
    );
    expect(await job.doneOn?.('2026-12-04')).toBe(false);
    await job.run('2026-12-04');
    expect(scans).toEqual(['2026-12-04']);
    expect(reports).toEqual([4]);
    expect(await job.doneOn?.('2026-12-04')).toBe(true);
    // A restart: the scan was done, the escalation is run again (and finds nothing new).
    const restarted = scanThenEscalate(store, {
      name: 'scan',
      at: '06:30',
      doneOn: async () => true,
      run: async () => {},
    });
    expect(await restarted.doneOn?.('2026-12-04')).toBe(false);
    await restarted.run('2026-12-04');
    expect(scans).toEqual(['2026-12-04']);
  });

  it('refuses a day that is not a real date', async () => {
    await expect(escalateOverdue(store, { asOf: '2026-02-30' })).rejects.toMatchObject({ kind: 'BAD_INPUT' });
  });

  it('refuses a day after today (China), marking nothing, so the items escalate on their real day', async () => {
    // 2026-12-07 23:30 UTC is already the 8th in China: the 8th is today, the 9th is not yet.
    const late = { ...store, clock: fixedClock('2026-12-07T23:30:00Z') };
    const refused = escalateOverdue(late, { asOf: '2026-12-09' });
    await expect(refused).rejects.toMatchObject({ kind: 'BAD_INPUT' });
    await expect(refused).rejects.toMatchObject({
      zh: expect.stringContaining('不得晚于今天（2026-12-08）'),
      en: expect.stringContaining('may not be after today (2026-12-08)'),
    });
    await expect(escalateOverdue(store, { asOf: '2026-12-08' })).rejects.toMatchObject({ kind: 'BAD_INPUT' });
    const escalated = await q()
      .selectFrom('problem_items')
      .select('item_no')
      .where('escalated_on', 'is not', null)
      .execute();
    expect(escalated).toEqual([]);
    expect(await notificationsOf('hegui')).toEqual([]);
    expect((await escalateOverdue(late, { asOf: '2026-12-08' })).escalated).toBe(4);
  });

  it('tells a scoped compliance user only of the items within their scope (P5.21)', async () => {
    await staff('hegui-bj', 'compliance', ['branch:BJ'], 'hegui.bj@insurer.example');
    await escalateOverdue(store, { asOf: '2026-12-04' });
    const bank = (
      await q()
        .selectFrom('problem_items')
        .select('item_no')
        .where('policy_no', 'in', ['P3', 'P4'])
        .orderBy('item_no')
        .execute()
    ).map((i) => i.item_no);
    expect(await notificationsOf('hegui-bj')).toEqual(bank);
    expect(await notificationsOf('hegui')).toHaveLength(4);
    const mail = await q()
      .selectFrom('mail_outbox')
      .select(['subject', 'body'])
      .where('to_address', '=', 'hegui.bj@insurer.example')
      .executeTakeFirstOrThrow();
    expect(`${mail.subject}\n${mail.body}`).not.toMatch(/\bP[12]\b/);
    expect(mail.body).toContain('P3');
  });
});
