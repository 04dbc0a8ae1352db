import type { Actor } from '../../platform/access/actor.js';
import { branchInScope, channelInScope, inScope, isWholeCompany } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { evaluateApplication, type GateOutcome } from './gate.js';
import { liveGateContext } from './gate-context.js';
import { policiesHeld } from './intake.repository.js';
import { prepareSubmission } from './prepare-submission.js';
import type { PreparedSubmission } from './prepared.js';
import type { SubmissionStatus } from './store-batch.js';
import { storeSubmitted } from './submission-queue.js';

/**
 * The gate in real time (P5.5–6, P5.11): core and bancassurance systems check an application
 * before automatic underwriting, or submit it to the book.
 */
export type ApiOutcome = GateOutcome & {
  /** Absent on a check (nothing stored). */
  status?: SubmissionStatus;
};

/** One record's answer in a batch: its outcome, or why it was refused (HTTP 207 style). */
export type RecordAnswer = { outcome: ApiOutcome } | { refused: AppError };

/**
 * A caller answers for its scope (P5.21): a bancassurance key submits bancassurance business of
 * its own branches. A record outside it is refused, and in a batch only that record.
 */
function scopeRefusal(
  actor: Actor,
  at: { channel?: string | null; branchCode?: string | null },
  existing?: { channel: string | null; branchCode: string | null },
): AppError | undefined {
  const details: string[] = [];
  if (!channelInScope(actor.scope, at.channel))
    details.push(`channel: outside the caller's data scope / 渠道不在数据范围内`);
  if (!branchInScope(actor.scope, at.branchCode)) {
    details.push(`branchCode: outside the caller's data scope / 分支机构不在数据范围内`);
  }
  // A policy number already in the book is a correction of that policy: it stays with its owner.
  if (existing && !inScope(actor.scope, { branch: existing.branchCode, channel: existing.channel })) {
    details.push(`policyNo: already a policy outside the caller's data scope / 保单号已属于数据范围以外的保单`);
  }
  if (details.length === 0) return undefined;
  return new AppError(
    'FORBIDDEN',
    {
      zh: '投保单的渠道或分支机构不在调用方的数据范围内',
      en: "the application's channel or branch is outside the caller's data scope",
    },
    { details },
  );
}

export async function checkApplication(deps: Deps, actor: Actor, record: unknown): Promise<ApiOutcome> {
  const evaluation = evaluateApplication(record, await liveGateContext(deps));
  const refusal = scopeRefusal(actor, evaluation.input);
  if (refusal) throw refusal;
  return evaluation.outcome;
}

/**
 * Submits applications: each is gated, stored when accepted and kept with its errors when not,
 * all in one transaction (shared with other callers' at the same moment: submission-queue.ts) with
 * one audit event per stored submission. Records outside the caller's
 * scope are refused and not stored.
 */
export async function submitApplications(
  deps: Deps,
  actor: Actor,
  context: AuditContext,
  records: readonly unknown[],
): Promise<RecordAnswer[]> {
  const gateContext = await liveGateContext(deps);
  const answers: RecordAnswer[] = new Array(records.length);
  const toStore: Array<{ index: number; prepared: PreparedSubmission }> = [];
  const prepared = records.map((record) => prepareSubmission(record, null, gateContext, deps.sealer));
  const held = isWholeCompany(actor.scope)
    ? new Map()
    : await policiesHeld(
        deps.db.kysely,
        prepared.flatMap((p) => p.outcome.policyNo ?? []),
      );
  prepared.forEach((prepared, index) => {
    const refused = scopeRefusal(
      actor,
      { channel: prepared.application.channel, branchCode: prepared.application.branchCode },
      prepared.outcome.policyNo ? held.get(prepared.outcome.policyNo) : undefined,
    );
    if (refused) {
      answers[index] = { refused };
    } else {
      toStore.push({ index, prepared });
    }
  });
  if (toStore.length > 0) {
    const stored = await storeSubmitted(
      deps,
      toStore.map((s) => s.prepared),
      context,
    );
    toStore.forEach(({ index, prepared }, i) => {
      answers[index] = { outcome: { ...prepared.outcome, status: stored[i]?.status ?? 'unchanged' } };
    });
  }
  return answers;
}
