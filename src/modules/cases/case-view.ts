import type { Deps } from '../../platform/context.js';
import { maskNumbersInText } from '../../shared/masking.js';
import type { ListedItem } from '../linkage/items.repository.js';
import { allowedActions, type ItemAction } from './allowed-actions.js';
import type { Staff } from './case-actor.js';
import { investigatorsOf } from './case-rules.js';
import { historyAad } from './case-steps.js';
import * as repo from './cases.repository.js';
import { type EvidenceView, evidenceViews } from './evidence.service.js';

export interface TimelineLine {
  at: string;
  actor: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  /** A code or a count (an evidence kind, the fields corrected, a rule). */
  note: string | null;
  /** What staff wrote, opened for those who may see the item. */
  detail: string | null;
}

export interface CaseView {
  timeline: TimelineLine[];
  evidence: EvidenceView[];
  linkMates: Array<{
    itemNo: string;
    policyNo: string;
    status: string;
    assignee: { id: number; displayName: string } | null;
  }>;
  allowedActions: ItemAction[];
}

/**
 * How an item is being worked, for its detail page (P5.13): the timeline, the evidence, the other
 * items of its link within the caller's scope, and what this caller may do on it now.
 */
export async function caseView(deps: Deps, staff: Staff, item: ListedItem): Promise<CaseView> {
  const q = deps.db.kysely;
  const [history, evidence, mates] = await Promise.all([
    repo.historyOf(q, item.item_no),
    evidenceViews(deps, item.item_no),
    repo.linkMates(q, item.link_id, item.item_no, staff.scope),
  ]);
  const investigators = investigatorsOf(
    history.map((h) => ({ action: h.action, actorId: h.actor_id === null ? null : Number(h.actor_id) })),
    item.investigator_id === null ? null : Number(item.investigator_id),
  );
  return {
    timeline: history.map((h) => ({
      at: h.at,
      actor: h.actor,
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      // Staff should not type a customer's number into a note; if one did, it shows masked (P5.21).
      detail: h.detail_sealed
        ? maskNumbersInText(deps.sealer.open<string>(h.detail_sealed, historyAad(item.item_no)))
        : null,
    })),
    evidence,
    linkMates: mates.map((m) => ({
      itemNo: m.item_no,
      policyNo: m.policy_no,
      status: m.status,
      assignee: m.assignee_id === null ? null : { id: Number(m.assignee_id), displayName: m.assignee_name ?? '' },
    })),
    allowedActions: allowedActions(
      { status: item.status, assigneeId: item.assignee_id === null ? null : Number(item.assignee_id) },
      { userId: staff.userId, role: staff.role },
      investigators,
    ),
  };
}
