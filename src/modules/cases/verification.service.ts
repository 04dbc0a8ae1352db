import type { AuditContext } from '../../platform/audit/audit-events.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { coolingOffEndsOf } from '../linkage/cooling-off.service.js';
import type { ListedProblemItem } from '../linkage/items.service.js';
import { dueOn } from '../linkage/problem-items.js';
import type { Staff } from './case-actor.js';
import { type ComplianceAction, type ItemStatus, investigatorsOf, mayVerify, statusAfter } from './case-rules.js';
import { itemInScope, listedItem, recordStep, requireStep, takeStep } from './case-steps.js';
import * as repo from './cases.repository.js';

export type Verdict = { decision: 'accept' } | { decision: 'return'; reason: string };

/** Who investigated the item: they may not verify it (four eyes, P5.13). */
export async function investigatorIdsOf(
  q: Deps['db']['kysely'],
  item: { item_no: string; investigator_id: number | null },
) {
  const history = await repo.historyOf(q, item.item_no);
  return investigatorsOf(
    history.map((h) => ({ action: h.action, actorId: h.actor_id === null ? null : Number(h.actor_id) })),
    item.investigator_id === null ? null : Number(item.investigator_id),
  );
}

/**
 * Customer service or compliance verifies a submitted resolution (P5.13): accepts it, closing the
 * item, or returns it with a reason. Whoever investigated may not verify. When the last item of a
 * link closes and the link was found legitimate, the link is cleared: the scan raises it again
 * only for a newcomer (INTERCHANGE §5).
 */
export async function verifyItem(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  verdict: Verdict,
): Promise<ListedProblemItem> {
  const q = deps.db.kysely;
  const item = await itemInScope(q, staff, itemNo);
  const step = verdict.decision === 'accept' ? 'accept' : 'return';
  requireStep(step, item);
  if (staff.userId === null || !mayVerify(staff.userId, await investigatorIdsOf(q, item))) {
    throw new AppError(
      'FORBIDDEN',
      {
        zh: `四眼原则：您参与了问题件 ${itemNo} 的调查，不能由您核实`,
        en: `four eyes: you took part in investigating problem item ${itemNo}, so someone else must verify it`,
      },
      { details: ['FOUR_EYES'] },
    );
  }
  await q.transaction().execute(async (trx) => {
    await recordStep(deps, trx, staff, item, {
      action: verdict.decision === 'accept' ? 'accepted' : 'returned',
      toStatus: statusAfter(step, 'submitted'),
      detail: verdict.decision === 'return' ? verdict.reason : null,
      changes: {
        verifier_id: staff.userId,
        ...(verdict.decision === 'accept' ? { closed_on: chinaToday(deps.clock) } : {}),
      },
    });
    if (verdict.decision === 'accept') {
      // SQLite: the transaction already holds the single write lock.
      if (deps.db.dialect === 'postgres') await repo.lockLink(trx, item.link_id);
      const outcome = await repo.linkOutcome(trx, item.link_id);
      if (outcome.every((i) => i.status === 'closed') && outcome.some((i) => i.resolution === 'legitimate')) {
        await repo.clearLink(trx, item.link_id);
      }
    }
    await deps.audit.append(trx, context, [
      { type: 'item.verified', objectType: 'item', objectId: itemNo, data: { decision: verdict.decision } },
    ]);
  });
  return listedItem(deps, staff, itemNo);
}

/**
 * Compliance on an item (P5.13, P5.24): takes it over to investigate itself (it becomes the
 * assignee), issues a criticism and rectification opinion, or refers it to the compliance
 * committee. The opinion and the reasons are sealed in the timeline.
 */
export async function complianceAction(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  request: { action: ComplianceAction; note: string },
): Promise<ListedProblemItem> {
  const q = deps.db.kysely;
  const item = await itemInScope(q, staff, itemNo);
  const event = {
    type: 'item.compliance_action',
    objectType: 'item',
    objectId: itemNo,
    data: { action: request.action },
  } as const;
  const status = item.status as ItemStatus;
  if (request.action === 'investigate') {
    requireStep('take_over', item);
    if (Number(item.assignee_id) === staff.userId && item.compliance_review === 1) {
      throw new AppError('CONFLICT', {
        zh: `问题件 ${itemNo} 已由您接手调查`,
        en: `you have already taken problem item ${itemNo} over`,
      });
    }
    const today = chinaToday(deps.clock);
    // An open item taken over is distributed to compliance, with the deadline that brings: capped by
    // the cooling-off end as the application now stands (INTERCHANGE §5).
    const coolingOff =
      status === 'open' ? ((await coolingOffEndsOf(q, [item.policy_no])).get(item.policy_no) ?? null) : null;
    const deadline = status === 'open' ? dueOn(await loadCalendar(deps), today, coolingOff) : null;
    await takeStep(
      deps,
      staff,
      context,
      item,
      {
        action: 'compliance_investigate',
        toStatus: statusAfter('take_over', status),
        detail: request.note,
        changes: {
          assignee_id: staff.userId,
          compliance_review: 1,
          ...(deadline
            ? {
                distributed_on: today,
                cooling_off_ends_on: coolingOff,
                due_on: deadline.dueOn,
                deadline_warnings: JSON.stringify(deadline.warnings),
              }
            : {}),
        },
      },
      event,
    );
  } else {
    requireStep('compliance', item);
    if (request.action === 'referral' && item.referred_on !== null) {
      throw new AppError('CONFLICT', {
        zh: `问题件 ${itemNo} 已于 ${item.referred_on} 提交合规委员会`,
        en: `problem item ${itemNo} was referred to the compliance committee on ${item.referred_on}`,
      });
    }
    await takeStep(
      deps,
      staff,
      context,
      item,
      {
        action: request.action,
        toStatus: status,
        detail: request.note,
        changes: request.action === 'referral' ? { referred_on: chinaToday(deps.clock) } : {},
        // Checked again in the update itself: two referrals at once cannot both be stored.
        unreferred: request.action === 'referral',
      },
      event,
    );
  }
  return listedItem(deps, staff, itemNo);
}
