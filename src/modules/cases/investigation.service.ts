import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { ListedProblemItem } from '../linkage/items.service.js';
import type { Staff } from './case-actor.js';
import {
  type ActionKind,
  type LegitimateReason,
  MISSING_WORDS,
  missingForSubmit,
  type Resolution,
  statusAfter,
} from './case-rules.js';
import { itemInScope, listedItem, requireAssignee, requireStep, takeStep } from './case-steps.js';
import { countHistory } from './cases.repository.js';
import { evidenceKindsOf } from './evidence.repository.js';

/**
 * The assignee records what was done (P5.13): a call, a visit, documents collected, a note. The
 * note is staff's own words and may name people: it is sealed in the timeline.
 */
export async function recordWork(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  work: { kind: ActionKind; note: string },
): Promise<ListedProblemItem> {
  const item = await itemInScope(deps.db.kysely, staff, itemNo);
  requireAssignee(staff, item);
  requireStep('work', item);
  await takeStep(
    deps,
    staff,
    context,
    item,
    { action: work.kind, toStatus: statusAfter('work', 'investigating'), detail: work.note },
    { type: 'item.work_recorded', objectType: 'item', objectId: itemNo, data: { kind: work.kind } },
  );
  return listedItem(deps, staff, itemNo);
}

export interface Submission {
  resolution: Resolution;
  legitimateReason?: LegitimateReason;
  note: string;
}

/**
 * The assignee submits a resolution for verification (P5.13): a correction needs one accepted by
 * the gate, a legitimate link the customer's signed confirmation, both the signed investigation
 * report. What is missing is listed, in both languages.
 */
export async function submitItem(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  submission: Submission,
): Promise<ListedProblemItem> {
  const q = deps.db.kysely;
  const item = await itemInScope(q, staff, itemNo);
  requireAssignee(staff, item);
  requireStep('submit', item);
  const legitimate = submission.resolution === 'legitimate';
  if (legitimate !== (submission.legitimateReason !== undefined)) {
    throw new AppError('BAD_INPUT', {
      zh: legitimate ? '关联属实且合理时须说明理由（legitimateReason）' : '只有“关联属实且合理”才填写理由',
      en: legitimate
        ? 'a legitimate link needs its reason (legitimateReason)'
        : 'legitimateReason goes only with a legitimate link',
    });
  }
  const missing = missingForSubmit(submission.resolution, {
    evidenceKinds: await evidenceKindsOf(q, itemNo),
    acceptedCorrections: await countHistory(q, itemNo, 'correction_accepted'),
  });
  if (missing.length > 0) {
    const words = missing.map((m) => MISSING_WORDS[m]);
    throw new AppError(
      'CONFLICT',
      {
        zh: `提交前还缺少：${words.map((w) => w.zh).join('、')}`,
        en: `missing before it can be submitted: ${words.map((w) => w.en).join(', ')}`,
      },
      { details: missing },
    );
  }
  const reason = submission.legitimateReason ?? null;
  await takeStep(
    deps,
    staff,
    context,
    item,
    {
      action: 'submitted',
      toStatus: 'submitted',
      note: reason ? `${submission.resolution}:${reason}` : submission.resolution,
      detail: submission.note,
      changes: {
        submitted_at: deps.clock.now().toISOString(),
        investigator_id: staff.userId,
        resolution: submission.resolution,
        legitimate_reason: reason,
      },
    },
    {
      type: 'item.submitted',
      objectType: 'item',
      objectId: itemNo,
      data: { resolution: submission.resolution, legitimateReason: reason },
    },
  );
  return listedItem(deps, staff, itemNo);
}
