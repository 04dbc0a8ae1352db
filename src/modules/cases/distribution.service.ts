import type { Transaction } from 'kysely';
import type { AuditContext, AuditEvent } from '../../platform/audit/audit-events.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, isAppError } from '../../platform/errors.js';
import type { WorkingCalendar } from '../calendar/calendar.js';
import { loadCalendar } from '../calendar/calendar.service.js';
import { coolingOffEndsOf } from '../linkage/cooling-off.service.js';
import { findItemInScope } from '../linkage/item-detail.repository.js';
import type { ListedProblemItem } from '../linkage/items.service.js';
import { dueOn } from '../linkage/problem-items.js';
import type { Staff } from './case-actor.js';
import { type ItemStatus, stepAllowed } from './case-rules.js';
import { itemInScope, listedItem, notFound, notInStatus, recordStep, requireStep } from './case-steps.js';
import { linkMates, openItemNos } from './cases.repository.js';
import { type Assignee, assigneesById, routingRules } from './distribution-rules.service.js';
import { mayTake, type PolicyPlace, type Routing, routeAlong, routeItem } from './routing.js';

type Trx = Transaction<Database>;

export interface DistributionResult {
  itemNo: string;
  assignee: { id: number; displayName: string } | null;
  error?: { code: string; zh: string; en: string };
}

type Assignment = Exclude<Routing, { assigneeId: null }> | { assigneeId: number; by: 'manual' };

interface OpenItem {
  item_no: string;
  policy_no: string;
  status: string;
  assignee_id: number | null;
}

const placeOf = (row: { channel: string | null; branch_code: string | null; agent_code: string | null }) =>
  ({ channel: row.channel, branchCode: row.branch_code, agentCode: row.agent_code }) satisfies PolicyPlace;

const NO_ASSIGNEE = {
  code: 'NO_ASSIGNEE',
  zh: '没有可分派的处理人：没有匹配的分发规则，也没有数据范围覆盖该保单的在职渠道内勤',
  en: 'no one to give it to: no routing rule matches and no active channel back-office user covers the policy',
};

const failure = (itemNo: string, error: AppError): DistributionResult => ({
  itemNo,
  assignee: null,
  error: { code: error.kind, zh: error.zh, en: error.en },
});

/**
 * Puts an open item in someone's hands (P5.13): distributed today, and due 3 PRC working days
 * from today, or when the cooling-off period ends if that is earlier (INTERCHANGE §5). The
 * cooling-off end is taken afresh from the application: the receipt is usually signed after the
 * scan that raised the item.
 */
async function handOver(
  deps: Deps,
  trx: Trx,
  staff: Staff,
  calendar: WorkingCalendar,
  item: OpenItem,
  assignment: Assignment,
  reason?: string,
): Promise<AuditEvent> {
  const today = chinaToday(deps.clock);
  const coolingOff = (await coolingOffEndsOf(trx, [item.policy_no])).get(item.policy_no) ?? null;
  const deadline = dueOn(calendar, today, coolingOff);
  const ruleId = assignment.by === 'rule' ? assignment.ruleId : undefined;
  await recordStep(deps, trx, staff, item, {
    action: 'distributed',
    toStatus: 'distributed',
    note: ruleId === undefined ? assignment.by : `rule:${ruleId}`,
    detail: reason,
    changes: {
      assignee_id: assignment.assigneeId,
      distributed_on: today,
      cooling_off_ends_on: coolingOff,
      due_on: deadline.dueOn,
      deadline_warnings: JSON.stringify(deadline.warnings),
    },
  });
  return {
    type: 'item.distributed',
    objectType: 'item',
    objectId: item.item_no,
    data: {
      assigneeId: assignment.assigneeId,
      by: assignment.by,
      ...(ruleId === undefined ? {} : { ruleId }),
      dueOn: deadline.dueOn,
    },
  };
}

/**
 * Customer service distributes open items (P5.13): each goes by the routing rules, else to the
 * channel back office covering its policy with the fewest items in hand. The other open items of
 * the same link travel with it, to the same person where that person may work them. Each item
 * answers for itself; one that cannot be distributed does not stop the others.
 */
export async function distributeItems(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNos: readonly string[],
): Promise<{ results: DistributionResult[] }> {
  const calendar = await loadCalendar(deps);
  return deps.db.kysely.transaction().execute(async (trx) => {
    const rules = await routingRules(trx);
    const assignees = await assigneesById(trx);
    const results = new Map<string, DistributionResult>();
    const events: AuditEvent[] = [];
    const give = async (item: OpenItem, routing: Routing): Promise<void> => {
      const assignee = routing.assigneeId === null ? undefined : assignees.get(routing.assigneeId);
      if (routing.assigneeId === null || !assignee) {
        results.set(item.item_no, { itemNo: item.item_no, assignee: null, error: NO_ASSIGNEE });
        return;
      }
      try {
        events.push(await handOver(deps, trx, staff, calendar, item, routing));
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.set(item.item_no, failure(item.item_no, error));
        return;
      }
      assignee.openItems += 1;
      results.set(item.item_no, {
        itemNo: item.item_no,
        assignee: { id: assignee.id, displayName: assignee.displayName },
      });
    };

    for (const itemNo of itemNos) {
      if (results.has(itemNo)) continue;
      const item = await findItemInScope(trx, itemNo, staff.scope);
      if (!item) {
        results.set(itemNo, failure(itemNo, notFound(itemNo)));
        continue;
      }
      if (!stepAllowed('distribute', item.status)) {
        results.set(itemNo, failure(itemNo, notInStatus('distribute', item)));
        continue;
      }
      const routing = routeItem(rules, assignees, placeOf(item));
      await give(item, routing);
      if (!results.get(itemNo)?.assignee) continue;
      for (const mate of await linkMates(trx, item.link_id, item.item_no, staff.scope, 'open')) {
        if (results.has(mate.item_no)) continue;
        const holder = routing.assigneeId === null ? undefined : assignees.get(routing.assigneeId);
        const place = placeOf(mate);
        // Each says how it was routed itself: the first item's rule may not match its mate.
        await give(
          mate,
          holder && mayTake(holder, place) ? routeAlong(rules, holder.id, place) : routeItem(rules, assignees, place),
        );
      }
    }
    await deps.audit.append(trx, context, events);
    return { results: [...results.values()] };
  });
}

function checkAssignee(assignee: Assignee | undefined, place: PolicyPlace, assigneeId: number): Assignee {
  if (!assignee) {
    throw new AppError('BAD_INPUT', {
      zh: `用户 ${assigneeId} 不是在职、且角色可处理问题件的用户`,
      en: `user ${assigneeId} is not an active user whose role works problem items`,
    });
  }
  if (!mayTake(assignee, place)) {
    throw new AppError('BAD_INPUT', {
      zh: `用户 ${assignee.username} 的数据范围不包括该保单`,
      en: `the policy is outside the data scope of user ${assignee.username}`,
    });
  }
  return assignee;
}

/**
 * Customer service gives an item to someone by hand (P5.13), with a reason. An open item is
 * distributed (its open link-mates that person may work go with it); an item already in someone's
 * hands is re-assigned and keeps its due day.
 */
export async function assignItem(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  request: { assigneeId: number; reason: string },
): Promise<ListedProblemItem> {
  const calendar = await loadCalendar(deps);
  await deps.db.kysely.transaction().execute(async (trx) => {
    const item = await itemInScope(trx, staff, itemNo);
    if (!stepAllowed('distribute', item.status)) requireStep('reassign', item);
    const assignees = await assigneesById(trx);
    const assignee = checkAssignee(assignees.get(request.assigneeId), placeOf(item), request.assigneeId);
    if (item.assignee_id !== null && Number(item.assignee_id) === assignee.id) {
      throw new AppError('BAD_INPUT', {
        zh: `问题件 ${itemNo} 已由该用户处理`,
        en: `problem item ${itemNo} is already with this user`,
      });
    }
    const manual = { assigneeId: assignee.id, by: 'manual' } as const;
    if (item.status !== 'open') {
      await recordStep(deps, trx, staff, item, {
        action: 'reassigned',
        toStatus: item.status as ItemStatus,
        detail: request.reason,
        changes: { assignee_id: assignee.id },
      });
      const from = item.assignee_id === null ? null : Number(item.assignee_id);
      await deps.audit.append(trx, context, [
        {
          type: 'item.reassigned',
          objectType: 'item',
          objectId: itemNo,
          data: { fromAssigneeId: from, toAssigneeId: assignee.id },
        },
      ]);
      return;
    }
    const events = [await handOver(deps, trx, staff, calendar, item, manual, request.reason)];
    for (const mate of await linkMates(trx, item.link_id, itemNo, staff.scope, 'open')) {
      if (mayTake(assignee, placeOf(mate))) {
        events.push(await handOver(deps, trx, staff, calendar, mate, manual, request.reason));
      }
    }
    await deps.audit.append(trx, context, events);
  });
  return listedItem(deps, staff, itemNo);
}

/** Every open item, a thousand to a transaction (the CLI's `items distribute --all-open`). */
export async function distributeAllOpen(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  onResults: (results: DistributionResult[]) => void,
): Promise<void> {
  for (let after = ''; ; ) {
    const itemNos = await openItemNos(deps.db.kysely, after, 1000);
    if (itemNos.length === 0) return;
    onResults((await distributeItems(deps, staff, context, itemNos)).results);
    after = itemNos[itemNos.length - 1] as string;
  }
}
