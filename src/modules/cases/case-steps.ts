import type { Transaction, Updateable } from 'kysely';
import type { AuditContext, AuditEvent } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import type { Database, ProblemItemTable } from '../../platform/db/schema.js';
import { AppError } from '../../platform/errors.js';
import { findItemInScope } from '../linkage/item-detail.repository.js';
import type { ListedItem } from '../linkage/items.repository.js';
import { type ListedProblemItem, toItems } from '../linkage/items.service.js';
import type { Staff } from './case-actor.js';
import { type HistoryAction, ITEM_STATUSES, type ItemStatus, type ItemStep, stepAllowed } from './case-rules.js';
import * as repo from './cases.repository.js';

type Trx = Transaction<Database>;

/** The AAD of a timeline line's sealed text: it opens only on its own item. */
export const historyAad = (itemNo: string) => `item-history:${itemNo}`;

const STEP_WORDS: Record<ItemStep, { zh: string; en: string }> = {
  distribute: { zh: '分发', en: 'be distributed' },
  reassign: { zh: '改派', en: 'be re-assigned' },
  work: { zh: '记录处理情况', en: 'be worked on' },
  submit: { zh: '提交核实', en: 'be submitted' },
  accept: { zh: '核实通过', en: 'be accepted' },
  return: { zh: '退回', en: 'be returned' },
  compliance: { zh: '合规处理', en: 'take a compliance action' },
  take_over: { zh: '由合规接手调查', en: 'be taken over by compliance' },
};

export function notFound(itemNo: string): AppError {
  return new AppError('NOT_FOUND', { zh: `问题件 ${itemNo} 不存在`, en: `problem item ${itemNo} does not exist` });
}

/** The item, if it lies within the caller's scope: outside it, it does not exist (P5.21). */
export async function itemInScope(q: Deps['db']['kysely'], staff: Staff, itemNo: string): Promise<ListedItem> {
  const item = await findItemInScope(q, itemNo, staff.scope);
  if (!item) throw notFound(itemNo);
  return item;
}

export function notInStatus(step: ItemStep, item: { item_no: string; status: string }): AppError {
  const words = ITEM_STATUSES[item.status as ItemStatus] ?? { zh: item.status, en: item.status };
  const step_ = STEP_WORDS[step];
  return new AppError(
    'CONFLICT',
    {
      zh: `问题件 ${item.item_no} 当前状态为“${words.zh}”，不能${step_.zh}`,
      en: `problem item ${item.item_no} is ${item.status} (${words.en}); it cannot ${step_.en}`,
    },
    { details: [`status: ${item.status}`] },
  );
}

export function requireStep(step: ItemStep, item: { item_no: string; status: string }): void {
  if (!stepAllowed(step, item.status)) throw notInStatus(step, item);
}

/** P5.13: the back office works only the items assigned to them. */
export function requireAssignee(staff: Staff, item: { item_no: string; assignee_id: number | null }): void {
  if (staff.userId === null || Number(item.assignee_id) !== staff.userId) {
    throw new AppError('FORBIDDEN', {
      zh: `问题件 ${item.item_no} 未分派给您，只有处理人可以处理`,
      en: `problem item ${item.item_no} is not assigned to you; only its assignee may work it`,
    });
  }
}

export interface StepLine {
  action: HistoryAction;
  toStatus: ItemStatus;
  /** A code or a count, never personal. */
  note?: string | null;
  /** What staff wrote: sealed, for it may name people. */
  detail?: string | null;
  changes?: Updateable<ProblemItemTable>;
  /** P5.24: the step is a referral, and the item must not have been referred meanwhile. */
  unreferred?: boolean;
}

/** An item as a step was decided on: its status and who had it. */
export interface SteppedItem {
  item_no: string;
  status: string;
  assignee_id: number | null;
}

/**
 * One step in the caller's transaction: the item moves on (only from the status and the assignee
 * it was read with) and its timeline gets a line with the actor. The caller appends the step's
 * audit event.
 */
export async function recordStep(deps: Deps, trx: Trx, staff: Staff, item: SteppedItem, line: StepLine): Promise<void> {
  const now = deps.clock.now().toISOString();
  const expected = {
    status: item.status,
    assigneeId: item.assignee_id === null ? null : Number(item.assignee_id),
    unreferred: line.unreferred === true,
  };
  const moved = await repo.updateItem(trx, item.item_no, expected, {
    ...line.changes,
    status: line.toStatus,
    updated_at: now,
  });
  if (!moved) {
    throw new AppError('CONFLICT', {
      zh: `问题件 ${item.item_no} 刚被他人处理过，请刷新后重试`,
      en: `problem item ${item.item_no} was changed by someone else meanwhile; reload and try again`,
    });
  }
  await repo.insertHistory(trx, [
    {
      item_no: item.item_no,
      at: now,
      actor: staff.username,
      actor_id: staff.userId,
      action: line.action,
      from_status: item.status,
      to_status: line.toStatus,
      note: line.note ?? null,
      detail_sealed: line.detail ? deps.sealer.seal(line.detail, historyAad(item.item_no)) : null,
    },
  ]);
}

/** A single step with its audit event, in one transaction. */
export async function takeStep(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  item: SteppedItem,
  line: StepLine,
  event: AuditEvent,
): Promise<void> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await recordStep(deps, trx, staff, item, line);
    await deps.audit.append(trx, context, [event]);
  });
}

/** The item as listed after a step, for the answer. */
export async function listedItem(deps: Deps, staff: Staff, itemNo: string): Promise<ListedProblemItem> {
  const [item] = await toItems(deps, [await itemInScope(deps.db.kysely, staff, itemNo)]);
  if (!item) throw notFound(itemNo);
  return item;
}
