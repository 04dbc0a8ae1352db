import type { Scope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { maskAddress, maskBirthDate, maskIdNo, maskName, maskPhone } from '../../shared/masking.js';
import { NOT_CLOSED } from '../cases/case-rules.js';
import { contactHistoryOf, linksAndItemsOf } from './customer-360.service.js';
import * as repo from './customers.repository.js';
import { openSubmission, type PartyRecord, partyOf } from './party-record.js';

export { openSubmission, type PartyRecord, partyOf } from './party-record.js';

const notFound = (id: number) =>
  new AppError('NOT_FOUND', { zh: `客户 ${id} 不存在`, en: `customer ${id} does not exist` });

/** The customer and their policies within the scope; out of scope reads as not there (P5.21). */
async function customerInScope(deps: Deps, scope: Scope, id: number) {
  const q = deps.db.kysely;
  const [customer, policies] = await Promise.all([repo.findCustomer(q, id), repo.policiesOfCustomer(q, id, scope)]);
  if (!customer || policies.length === 0) throw notFound(id);
  return { customer, policies };
}

interface SourcedParty {
  policyNo: string;
  role: string;
  party: PartyRecord;
}

/**
 * What the policies within the scope say about the customer, the current version first when its
 * policy is one of them, then each policy as a party before as the payer. A record that says less
 * (a beneficiary's name and ID only) leaves the other fields to the next one.
 */
async function recordsOf(
  deps: Deps,
  customer: NonNullable<Awaited<ReturnType<typeof repo.findCustomer>>>,
  policies: repo.CustomerPolicyRow[],
): Promise<SourcedParty[]> {
  const ids = [customer.submission_id, ...policies.flatMap((p) => p.accepted_submission_id ?? [])];
  const opened = new Map(
    (await repo.sealedSubmissions(deps.db.kysely, [...new Set(ids)])).map((s) => [
      s.id,
      { policyNo: s.policy_no, input: openSubmission(deps, { policyNo: s.policy_no, sealed: s.sealed }) },
    ]),
  );
  const slots = [
    { submissionId: customer.submission_id, role: customer.party_role, seq: customer.party_seq },
    ...[...policies]
      .sort((a, b) => Number(a.role === 'payer') - Number(b.role === 'payer'))
      .map((p) => ({ submissionId: p.accepted_submission_id, role: p.role, seq: p.seq })),
  ];
  const inScope = new Set(policies.map((p) => p.policy_no));
  return slots.flatMap((slot) => {
    const submission = slot.submissionId === null ? undefined : opened.get(slot.submissionId);
    const party = submission && inScope.has(submission.policyNo) && partyOf(submission.input, slot.role, slot.seq);
    return party ? [{ policyNo: submission.policyNo, role: slot.role, party }] : [];
  });
}

/** A customer as staff see them: masked by default (P5.21), with their policies and items not closed. */
export async function getCustomer(deps: Deps, scope: Scope, context: AuditContext, id: number) {
  const { customer, policies } = await customerInScope(deps, scope, id);
  const records = (await recordsOf(deps, customer, policies)).map((r) => r.party);
  const first = <K extends keyof PartyRecord>(key: K) => records.find((r) => r[key] !== undefined)?.[key];
  const party: PartyRecord = {
    name: first('name'),
    idNo: first('idNo'),
    gender: first('gender'),
    birthDate: first('birthDate'),
    address: first('address'),
    phones: records.find((r) => r.phones.length > 0)?.phones ?? [],
  };
  const policyNos = [...new Set(policies.map((p) => p.policy_no))];
  // Every item still to be cleared, whoever holds it: not only those customer service has yet to distribute.
  const openItems = await repo.itemsInStatusesOf(deps.db.kysely, policyNos, NOT_CLOSED);
  const contactHistory = await contactHistoryOf(deps, scope, id);
  const { links, items } = await linksAndItemsOf(deps, id, policyNos);
  await deps.db.kysely
    .transaction()
    .execute((trx) =>
      deps.audit.append(trx, context, [
        { type: 'customer.viewed', objectType: 'customer', objectId: String(id), data: {} },
      ]),
    );
  return {
    customerId: id,
    version: customer.version,
    idType: customer.id_type,
    name: party.name ? maskName(party.name) : null,
    idNo: party.idNo ? maskIdNo(party.idNo) : null,
    gender: party.gender ?? null,
    birthDate: party.birthDate ? maskBirthDate(party.birthDate) : null,
    phones: party.phones.map(maskPhone),
    address: party.address ? maskAddress(party.address) : null,
    policies: policies.map((p) => ({
      policyNo: p.policy_no,
      role: p.role,
      seq: p.seq,
      relation: p.relation,
      channel: p.channel,
      branchCode: p.branch_code,
      agentCode: p.agent_code,
      status: p.status,
    })),
    openItems: openItems.map((i) => ({
      itemNo: i.item_no,
      policyNo: i.policy_no,
      rule: i.rule,
      dueOn: i.due_on,
      status: i.status,
    })),
    contactHistory,
    links,
    items,
  };
}

export const REVEAL_FIELDS = ['name', 'idNo', 'phone', 'address', 'accountNo'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export interface RevealRequest {
  field: RevealField;
  /** Which phone, from 0. */
  index?: number;
  /** The policy whose record to read; by default the customer's current version. */
  policyNo?: string;
  reason: string;
}

export const REASON_LENGTH = { min: 5, max: 200 } as const;

/** P5.21: a reveal states why. Checked here too, for callers other than the API. */
export function checkReason(reason: string | undefined): string {
  const trimmed = (reason ?? '').trim();
  if (trimmed.length < REASON_LENGTH.min || trimmed.length > REASON_LENGTH.max) {
    throw new AppError(
      'BAD_INPUT',
      {
        zh: `查看明文须填写理由（reason），${REASON_LENGTH.min} 至 ${REASON_LENGTH.max} 个字`,
        en: `a reveal needs a reason (reason) of ${REASON_LENGTH.min} to ${REASON_LENGTH.max} characters`,
      },
      { details: ['reason'] },
    );
  }
  return trimmed;
}

/**
 * One personal value in the clear (P5.21), read from a policy within the caller's scope, with an
 * audit event that names the field and the reason — never the value.
 */
export async function revealCustomerValue(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  id: number,
  request: RevealRequest,
): Promise<{ field: RevealField; value: string; policyNo: string }> {
  const reason = checkReason(request.reason);
  const { customer, policies } = await customerInScope(deps, scope, id);
  // An account is the payer's; anything else is read from the party records as the profile is.
  const source = (await recordsOf(deps, customer, policies)).find(
    (r) =>
      (request.policyNo === undefined || r.policyNo === request.policyNo) &&
      (request.field !== 'accountNo' || r.role === 'payer') &&
      recordedValue(r.party, request) !== undefined,
  );
  const value = source && recordedValue(source.party, request);
  if (!source || value === undefined) {
    throw new AppError('NOT_FOUND', {
      zh: '该客户在所选保单上没有记录此项信息',
      en: 'no such value is recorded for this customer on the policy',
    });
  }
  const field = request.field === 'phone' ? `phone[${request.index ?? 0}]` : request.field;
  await deps.db.kysely.transaction().execute((trx) =>
    deps.audit.append(trx, context, [
      {
        type: 'pii.revealed',
        objectType: 'customer',
        objectId: String(id),
        data: { field, reason, policyNo: source.policyNo },
      },
    ]),
  );
  return { field: request.field, value, policyNo: source.policyNo };
}

function recordedValue(party: PartyRecord, request: RevealRequest): string | undefined {
  switch (request.field) {
    case 'name':
      return party.name;
    case 'idNo':
      return party.idNo;
    case 'address':
      return party.address;
    case 'accountNo':
      return party.accountNo;
    case 'phone':
      return party.phones[request.index ?? 0];
  }
}
