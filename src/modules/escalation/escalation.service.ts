import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import { inScope, scopeFromJson } from '../../platform/access/scope.js';
import { type AuditContext, type AuditEvent, SYSTEM_CONTEXT } from '../../platform/audit/audit-events.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { NotificationTable, ProblemItemHistoryTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { isOverdue, OWED } from '../cases/case-rules.js';
import { insertHistory } from '../cases/cases.repository.js';
import { isRealDate } from '../intake/china-time.js';
import { type NewMail, queueMail } from '../mail/mail.repository.js';
import { type EscalatedItem, escalationMail } from '../mail/mail-messages.js';
import * as repo from './escalation.repository.js';

/** Items per transaction: each commits with its notifications, mail and audit events. */
const CHUNK = 500;
export const ESCALATION_KIND = 'item.escalated';

export interface EscalationReport {
  asOf: string;
  /** Items escalated by this run. */
  escalated: number;
  /** Notifications written (one per item and person). */
  notifications: number;
  /** Mails queued (one per person and transaction, listing that person's items). */
  mails: number;
}

/**
 * P5.13: an item still owed past its due day escalates to channel management and to compliance,
 * to those whose data scope covers the policy (P5.21; an unscoped user is the whole company): in
 * the console (a notification each) and by mail (for those with an address). Each item escalates
 * once: `escalated_on` is set in the same transaction as its notifications, its mail, its
 * timeline line and its audit event, so running the job again, for any day, doubles nothing. The
 * day may be today or earlier, never later: a later day would mark items escalated before they
 * are overdue, and they would not escalate on the day they are.
 */
export async function escalateOverdue(
  deps: Deps,
  options: { asOf?: string; context?: AuditContext } = {},
): Promise<EscalationReport> {
  const today = chinaToday(deps.clock);
  const asOf = options.asOf ?? today;
  if (!isRealDate(asOf)) {
    throw new AppError('BAD_INPUT', {
      zh: '日期应为真实日期 YYYY-MM-DD',
      en: 'the day must be a real date YYYY-MM-DD',
    });
  }
  if (asOf > today) {
    throw new AppError('BAD_INPUT', {
      zh: `升级日期不得晚于今天（${today}）`,
      en: `the day to escalate as of may not be after today (${today})`,
    });
  }
  const context = options.context ?? SYSTEM_CONTEXT;
  const report: EscalationReport = { asOf, escalated: 0, notifications: 0, mails: 0 };
  const staff = await repo.activeStaffOf(deps.db.kysely, ['channel_management', 'compliance']);
  for (;;) {
    const done = await deps.db.kysely.transaction().execute(async (trx) => {
      const found = (await repo.overdueNotEscalated(trx, OWED, asOf, CHUNK)).filter((row) =>
        isOverdue({ status: row.status, dueOn: row.due_on }, asOf),
      );
      if (found.length === 0) return true;
      const now = deps.clock.now().toISOString();
      const marked = new Set(
        await repo.markEscalated(
          trx,
          found.map((r) => r.item_no),
          asOf,
          now,
        ),
      );
      const items = found.filter((r) => marked.has(r.item_no));
      if (items.length === 0) return true;
      const byPerson = new Map<repo.StaffRow, EscalatedItem[]>();
      const notifications: Insertable<NotificationTable>[] = [];
      const history: Insertable<ProblemItemHistoryTable>[] = [];
      const events: AuditEvent[] = [];
      for (const item of items) {
        const reached = staff.filter((s) =>
          inScope(scopeFromJson(s.scope), { branch: item.branch_code, channel: item.channel }),
        );
        const escalated = { itemNo: item.item_no, rule: item.rule, policyNo: item.policy_no, dueOn: item.due_on };
        for (const person of reached) {
          byPerson.set(person, [...(byPerson.get(person) ?? []), escalated]);
          notifications.push({
            user_id: person.id,
            kind: ESCALATION_KIND,
            item_no: item.item_no,
            data: JSON.stringify({ rule: item.rule, policyNo: item.policy_no, dueOn: item.due_on, escalatedOn: asOf }),
            created_at: now,
            read_at: null,
          });
        }
        history.push({
          item_no: item.item_no,
          at: now,
          actor: context.actor.name,
          action: 'escalated',
          from_status: item.status,
          to_status: item.status,
          note: `notified:${reached.length}`,
        });
        events.push({
          type: 'item.escalated',
          objectType: 'item',
          objectId: item.item_no,
          data: { dueOn: item.due_on, notifiedUserIds: reached.map((s) => s.id) },
        });
      }
      await repo.insertNotifications(trx, notifications);
      await insertHistory(trx, history);
      const mails = mailsFor(deps, byPerson, asOf);
      await queueMail(trx, mails, now);
      await deps.audit.append(trx, context, events);
      report.escalated += items.length;
      report.notifications += notifications.length;
      report.mails += mails.length;
      return false;
    });
    if (done) break;
  }
  if (report.escalated > 0) deps.logger.info(report, 'escalation: overdue items escalated');
  return report;
}

/** One mail per person with an address, listing their items; keyed by the person and the items. */
function mailsFor(deps: Deps, byPerson: Map<repo.StaffRow, EscalatedItem[]>, asOf: string): NewMail[] {
  return [...byPerson].flatMap(([person, items]) => {
    if (!person.email) return [];
    const digest = createHash('sha256')
      .update(items.map((i) => i.itemNo).join(','))
      .digest('hex')
      .slice(0, 24);
    const mail = escalationMail({
      recipientName: person.display_name,
      items,
      escalatedOn: asOf,
      publicUrl: deps.config.mail.publicUrl,
    });
    return [
      {
        kind: ESCALATION_KIND,
        dedupe_key: `${ESCALATION_KIND}:${person.id}:${digest}`,
        to_address: person.email,
        ...mail,
      },
    ];
  });
}
