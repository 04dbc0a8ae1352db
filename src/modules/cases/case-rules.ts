/**
 * How a problem item is worked to a close (P5.13, P5.24), as pure rules: its statuses, which
 * step may follow which, and what a step needs. No I/O; the services apply these.
 */

export const ITEM_STATUSES = {
  /** Raised by the scan; customer service has not distributed it yet. */
  open: { zh: '待分发', en: 'Open' },
  /** With a back-office user; nothing recorded yet. */
  distributed: { zh: '已分发', en: 'Distributed' },
  /** The assignee has recorded work (a call, a visit, evidence, a correction). */
  investigating: { zh: '调查中', en: 'Investigating' },
  /** The assignee's resolution awaits verification. */
  submitted: { zh: '待核实', en: 'Awaiting verification' },
  /** The verifier sent it back with a reason. */
  returned: { zh: '已退回', en: 'Returned' },
  /** Verified: the item is cleared. */
  closed: { zh: '已结案', en: 'Closed' },
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;
export const ITEM_STATUS_NAMES = Object.keys(ITEM_STATUSES) as ItemStatus[];

/** The statuses in which the assignee still owes work: these count towards overdue (P5.13). */
export const WITH_ASSIGNEE: readonly ItemStatus[] = ['distributed', 'investigating', 'returned'];
/** Not yet cleared: the policy's commission is held (缓发手续费) while any of its items is in one. */
export const NOT_CLOSED: readonly ItemStatus[] = ['open', 'distributed', 'investigating', 'submitted', 'returned'];
/** Owed by someone (customer service while open, else the assignee): what can be due today or overdue. */
export const OWED: readonly ItemStatus[] = ['open', ...WITH_ASSIGNEE];

export const ACTION_KINDS = {
  call: { zh: '电话联系', en: 'Phone call' },
  visit: { zh: '上门走访', en: 'Visit' },
  documents: { zh: '收集资料', en: 'Documents collected' },
  note: { zh: '备注', en: 'Note' },
} as const;
export type ActionKind = keyof typeof ACTION_KINDS;

/** P5.13: what the back office collects. */
export const EVIDENCE_KINDS = {
  customer_confirmation: { zh: '客户签字确认书', en: "Customer's signed confirmation" },
  partner_statement: { zh: '合作机构说明', en: "Partner's statement" },
  seller_statement: { zh: '销售人员说明', en: "Seller's statement" },
  investigation_report: { zh: '内勤签字调查报告', en: "Back office's signed investigation report" },
  other: { zh: '其他材料', en: 'Other' },
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

export const RESOLUTIONS = {
  /** The customer data was wrong and has been corrected (through the gate, versioned). */
  corrected: { zh: '已更正客户资料', en: 'Customer data corrected' },
  /** The link is real and legitimate. */
  legitimate: { zh: '关联属实且合理', en: 'Legitimate link' },
} as const;
export type Resolution = keyof typeof RESOLUTIONS;

/** Why a shared phone, account or address is legitimate. */
export const LEGITIMATE_REASONS = {
  family: { zh: '家庭成员', en: 'Family' },
  same_household: { zh: '同住共用', en: 'Same household' },
  same_employer: { zh: '同一单位', en: 'Same employer' },
  guardian: { zh: '监护人代为联系', en: 'Guardian' },
  seller_is_relative: { zh: '销售人员为客户亲属', en: 'The seller is a relative of the customer' },
  other: { zh: '其他（须说明）', en: 'Other (explain)' },
} as const;
export type LegitimateReason = keyof typeof LEGITIMATE_REASONS;

/** P5.24: what compliance may do on an item besides verifying it. */
export const COMPLIANCE_ACTIONS = {
  investigate: { zh: '合规自行调查', en: 'Compliance investigates itself' },
  rectification: { zh: '批评及整改意见', en: 'Criticism and rectification opinion' },
  referral: { zh: '提交合规委员会', en: 'Referred to the compliance committee' },
} as const;
export type ComplianceAction = keyof typeof COMPLIANCE_ACTIONS;

export type ItemStep =
  | 'distribute'
  | 'reassign'
  | 'work'
  | 'submit'
  | 'accept'
  | 'return'
  | 'compliance'
  /** Compliance takes the item over to investigate itself (P5.13, P5.24). */
  | 'take_over';

const FROM: Record<ItemStep, readonly ItemStatus[]> = {
  distribute: ['open'],
  reassign: ['distributed', 'investigating', 'returned'],
  work: ['distributed', 'investigating', 'returned'],
  submit: ['distributed', 'investigating', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
  // An opinion or a referral may come at any time, a closed item included (P5.24).
  compliance: ['open', 'distributed', 'investigating', 'submitted', 'returned', 'closed'],
  take_over: ['open', 'distributed', 'investigating', 'returned'],
};

/** Whether the step may be taken on an item in this status. */
export function stepAllowed(step: ItemStep, status: string): boolean {
  return (FROM[step] as readonly string[]).includes(status);
}

/** The status an item is in after the step. */
export function statusAfter(step: ItemStep, status: ItemStatus): ItemStatus {
  switch (step) {
    case 'distribute':
      return 'distributed';
    case 'work':
      return 'investigating';
    case 'submit':
      return 'submitted';
    case 'accept':
      return 'closed';
    case 'return':
      return 'returned';
    case 'take_over':
      return status === 'open' ? 'distributed' : status;
    case 'reassign':
    case 'compliance':
      return status;
  }
}

/** P5.13: overdue when the assignee (or customer service) still owes it past its due day. */
export function isOverdue(item: { status: string; dueOn: string }, today: string): boolean {
  return (OWED as readonly string[]).includes(item.status) && item.dueOn < today;
}

/**
 * P5.13: the evidence a resolution needs before it may be submitted. Every resolution needs the
 * back office's signed investigation report; a legitimate link also the customer's signed
 * confirmation; a correction an accepted correction of the data.
 */
export function missingForSubmit(
  resolution: Resolution,
  has: { evidenceKinds: readonly string[]; acceptedCorrections: number },
): Array<'investigation_report' | 'customer_confirmation' | 'correction'> {
  const missing: Array<'investigation_report' | 'customer_confirmation' | 'correction'> = [];
  if (!has.evidenceKinds.includes('investigation_report')) missing.push('investigation_report');
  if (resolution === 'legitimate' && !has.evidenceKinds.includes('customer_confirmation')) {
    missing.push('customer_confirmation');
  }
  if (resolution === 'corrected' && has.acceptedCorrections === 0) missing.push('correction');
  return missing;
}

/** Four eyes (P5.13): whoever investigated may not verify. */
export function mayVerify(verifierId: number, investigatorIds: readonly number[]): boolean {
  return !investigatorIds.includes(verifierId);
}

/**
 * The timeline's actions. Those marked as investigation make their actor an investigator: the
 * four-eyes rule keeps them from verifying the item (P5.13).
 */
export const HISTORY_ACTIONS = {
  detected: { zh: '扫描发现', en: 'Detected by the scan', investigation: false },
  link_grew: { zh: '关联扩大', en: 'The link grew', investigation: false },
  distributed: { zh: '分发', en: 'Distributed', investigation: false },
  reassigned: { zh: '改派', en: 'Re-assigned', investigation: false },
  call: { zh: '电话联系', en: 'Phone call', investigation: true },
  visit: { zh: '上门走访', en: 'Visit', investigation: true },
  documents: { zh: '收集资料', en: 'Documents collected', investigation: true },
  note: { zh: '备注', en: 'Note', investigation: true },
  evidence_uploaded: { zh: '上传材料', en: 'Evidence uploaded', investigation: true },
  correction_accepted: { zh: '更正资料（已通过校验）', en: 'Correction accepted by the gate', investigation: true },
  correction_rejected: { zh: '更正资料（未通过校验）', en: 'Correction rejected by the gate', investigation: true },
  submitted: { zh: '提交核实', en: 'Submitted for verification', investigation: true },
  accepted: { zh: '核实通过，结案', en: 'Verified and closed', investigation: false },
  returned: { zh: '退回', en: 'Returned', investigation: false },
  compliance_investigate: { zh: '合规自行调查', en: 'Compliance took it over', investigation: true },
  rectification: { zh: '批评及整改意见', en: 'Criticism and rectification opinion', investigation: false },
  referral: { zh: '提交合规委员会', en: 'Referred to the compliance committee', investigation: false },
  escalated: { zh: '逾期升级', en: 'Escalated as overdue', investigation: false },
} as const;
export type HistoryAction = keyof typeof HISTORY_ACTIONS;

/** Who investigated: the actors of investigation lines and the one who submitted. */
export function investigatorsOf(
  history: ReadonlyArray<{ action: string; actorId: number | null }>,
  investigatorId: number | null,
): number[] {
  const ids = new Set<number>();
  for (const line of history) {
    const action = HISTORY_ACTIONS[line.action as HistoryAction];
    if (action?.investigation && line.actorId !== null) ids.add(line.actorId);
  }
  if (investigatorId !== null) ids.add(investigatorId);
  return [...ids];
}

/** What is missing, in words, for the refusal. */
export const MISSING_WORDS = {
  investigation_report: EVIDENCE_KINDS.investigation_report,
  customer_confirmation: EVIDENCE_KINDS.customer_confirmation,
  correction: { zh: '经校验通过的资料更正', en: 'a correction accepted by the gate' },
} as const;
