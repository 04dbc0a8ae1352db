import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Issue } from '../../shared/codes.js';
import { liveGateContext } from '../intake/gate-context.js';
import { prepareSubmission } from '../intake/prepare-submission.js';
import { storeBatch } from '../intake/store-batch.js';
import type { Staff } from './case-actor.js';
import { statusAfter } from './case-rules.js';
import { itemInScope, recordStep, requireAssignee, requireStep } from './case-steps.js';
import { acceptedRecordOf } from './cases.repository.js';
import { applyCorrection, type CorrectionChange } from './correction.js';

export interface CorrectionResult {
  accepted: boolean;
  errors: Issue[];
  warnings: Issue[];
  submissionId: number | null;
}

/**
 * The back office corrects the customer data behind an item (P5.13): the policy's current accepted
 * record with the change applied goes through the gate again (P5.5–6) as a new submission of the
 * policy, versioned like any other; nothing is overwritten. The gate may refuse it: then nothing is
 * stored and its errors come back. Either way the item's timeline and the audit trail say which
 * fields were changed, never to what. An accepted correction puts the policy back in the queue of
 * the next scan.
 */
export async function correctItem(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  itemNo: string,
  change: CorrectionChange,
): Promise<CorrectionResult> {
  const q = deps.db.kysely;
  const item = await itemInScope(q, staff, itemNo);
  requireAssignee(staff, item);
  requireStep('work', item);
  const current = await acceptedRecordOf(q, item.policy_no);
  if (!current) {
    throw new AppError('CONFLICT', {
      zh: `保单 ${item.policy_no} 没有已通过校验的资料可供更正`,
      en: `policy ${item.policy_no} has no accepted record to correct`,
    });
  }
  const applied = applyCorrection(deps.sealer.open<unknown>(current.sealed, `submission:${current.policy_no}`), change);
  if ('refusal' in applied) throw new AppError('BAD_INPUT', applied.refusal);
  const prepared = prepareSubmission(applied.record, null, await liveGateContext(deps), deps.sealer);
  const { outcome } = prepared;
  const errorCodes = [...new Set(outcome.errors.map((e) => e.code))];
  const line = {
    action: outcome.accepted ? ('correction_accepted' as const) : ('correction_rejected' as const),
    toStatus: statusAfter('work', 'investigating'),
    note: applied.fields.join(','),
  };
  const event = (submissionId: number | null) =>
    ({
      type: 'item.correction_submitted',
      objectType: 'item',
      objectId: itemNo,
      data: { policyNo: item.policy_no, fields: applied.fields, accepted: outcome.accepted, submissionId, errorCodes },
    }) as const;

  if (!outcome.accepted) {
    await q.transaction().execute(async (trx) => {
      await recordStep(deps, trx, staff, item, line);
      await deps.audit.append(trx, context, [event(null)]);
    });
    return { accepted: false, errors: outcome.errors, warnings: outcome.warnings, submissionId: null };
  }
  const [stored] = await storeBatch(deps.db, [prepared], {
    batchId: null,
    fileDigest: null,
    source: 'api',
    receivedAt: deps.clock.now().toISOString(),
    onStored: async (trx, outcomes) => {
      const submissionId = outcomes[0]?.status === 'accepted' ? outcomes[0].submissionId : null;
      if (submissionId === null) {
        throw new AppError('CONFLICT', {
          zh: '这份更正与保单最新一次提交的资料相同，没有保存',
          en: 'this correction is the same as the policy’s latest submission; nothing was stored',
        });
      }
      await recordStep(deps, trx, staff, item, line);
      await deps.audit.append(trx, context, [event(submissionId)]);
    },
  });
  return { accepted: true, errors: [], warnings: outcome.warnings, submissionId: stored?.submissionId ?? null };
}
