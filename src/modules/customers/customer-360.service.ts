import type { Scope } from '../../platform/access/scope.js';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { maskAccountNo, maskAddress, maskBirthDate, maskIdNo, maskName, maskPhone } from '../../shared/masking.js';
import { isOverdue } from '../cases/case-rules.js';
import * as repo from './customers.repository.js';
import { openSubmission, type PartyRecord, partyOf } from './party-record.js';

/** What a version of a customer says, masked (P5.21). */
export interface MaskedParty {
  name: string | null;
  idNo: string | null;
  gender: string | null;
  birthDate: string | null;
  phones: string[];
  address: string | null;
  accountNo: string | null;
}

const FIELDS = ['name', 'idNo', 'gender', 'birthDate', 'phones', 'address', 'accountNo'] as const;
type Field = (typeof FIELDS)[number];

function masked(party: PartyRecord | undefined): MaskedParty {
  return {
    name: party?.name ? maskName(party.name) : null,
    idNo: party?.idNo ? maskIdNo(party.idNo) : null,
    gender: party?.gender ?? null,
    birthDate: party?.birthDate ? maskBirthDate(party.birthDate) : null,
    phones: (party?.phones ?? []).map(maskPhone),
    address: party?.address ? maskAddress(party.address) : null,
    accountNo: party?.accountNo ? maskAccountNo(party.accountNo) : null,
  };
}

/** The fields whose values differ (compared in the clear, reported by name only). */
function changedFields(before: PartyRecord | undefined, after: PartyRecord | undefined): Field[] {
  const value = (p: PartyRecord | undefined, f: Field) => {
    const v = p?.[f];
    return Array.isArray(v) ? (v.length > 0 ? v.join('\u0000') : undefined) : v;
  };
  return FIELDS.filter((f) => value(before, f) !== value(after, f));
}

export interface ContactVersion {
  version: number;
  /** When the policy's submission that said it was received. */
  recordedAt: string;
  policyNo: string;
  submissionId: number;
  role: string;
  /** The fields that differ from the reader's previous visible version; the first lists what it holds. */
  changed: Field[];
  values: MaskedParty;
}

/**
 * The customer's versions over time, newest first (every change is versioned, nothing is lost):
 * which policy said it, when, and which fields changed, the values masked. Only versions from
 * policies within the reader's scope are read (P5.21): of one outside it nothing leaves the
 * database — not its policy, its date nor what it changed — so `changed` compares visible
 * versions only.
 */
export async function contactHistoryOf(deps: Deps, scope: Scope, customerId: number): Promise<ContactVersion[]> {
  const versions = await repo.customerVersions(deps.db.kysely, customerId, scope);
  let previous: PartyRecord | undefined;
  const out: ContactVersion[] = [];
  for (const v of versions) {
    const input = openSubmission(deps, { policyNo: v.policy_no, sealed: v.sealed });
    const party = partyOf(input, v.party_role, v.party_seq);
    out.push({
      version: v.version,
      recordedAt: v.received_at,
      policyNo: v.policy_no,
      submissionId: v.submission_id,
      role: v.party_role,
      changed: changedFields(previous, party),
      values: masked(party),
    });
    previous = party;
  }
  return out.reverse();
}

/**
 * The customer's items (every status) on the policies within the scope, and the links they are a
 * member of among those items' links, with the rule, status and households.
 */
export async function linksAndItemsOf(deps: Deps, customerId: number, policyNos: string[]) {
  const q = deps.db.kysely;
  const today = chinaToday(deps.clock);
  const items = await repo.itemsOf(q, [...new Set(policyNos)]);
  const member = `c${customerId}`;
  const links = (await repo.linksById(q, [...new Set(items.map((i) => i.link_id))]))
    .filter((l) => (JSON.parse(l.members) as string[]).includes(member))
    .sort((a, b) => b.last_detected_on.localeCompare(a.last_detected_on) || a.link_id.localeCompare(b.link_id));
  return {
    links: links.map((l) => ({
      linkId: l.link_id,
      rule: l.rule,
      kind: l.kind,
      status: l.status,
      households: l.households,
      members: (JSON.parse(l.members) as string[]).length,
      firstDetectedOn: l.first_detected_on,
      lastDetectedOn: l.last_detected_on,
      itemNos: items.filter((i) => i.link_id === l.link_id).map((i) => i.item_no),
    })),
    items: items.map((i) => ({
      itemNo: i.item_no,
      policyNo: i.policy_no,
      rule: i.rule,
      linkId: i.link_id,
      detectedOn: i.detected_on,
      dueOn: i.due_on,
      status: i.status,
      overdue: isOverdue({ status: i.status, dueOn: i.due_on }, today),
      escalatedOn: i.escalated_on,
    })),
  };
}
