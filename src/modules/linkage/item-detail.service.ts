import { inScope } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError, type Bilingual } from '../../platform/errors.js';
import { maskAccountNo, maskAddress, maskIdNo, maskName, maskPhone } from '../../shared/masking.js';
import type { Staff } from '../cases/case-actor.js';
import { caseView } from '../cases/case-view.js';
import { sellersToRecheck } from '../complaints/complaints.service.js';
import { sealedSubmissions } from '../customers/customers.repository.js';
import { openSubmission, type PartyRecord, partyOf } from '../customers/customers.service.js';
import { normalizeAddress } from '../identity/address.js';
import { normalizeAccountNo } from '../identity/bank-account.js';
import { normalizePhone } from '../identity/phone.js';
import { INDEX_DOMAIN } from '../intake/prepare-submission.js';
import * as repo from './item-detail.repository.js';
import { type ListedProblemItem, toItems } from './items.service.js';
import { findLinks } from './linkage.repository.js';
import { linkIdOf } from './problem-items.js';

type Kind = 'phone' | 'address' | 'account';

/** What the clue is, in words, with the shared value masked when it could be identified. */
export interface Clue extends Bilingual {
  maskedValue: string | null;
}

const notFound = (itemNo: string) =>
  new AppError('NOT_FOUND', { zh: `问题件 ${itemNo} 不存在`, en: `problem item ${itemNo} does not exist` });

/**
 * One problem item for the staff who work it (P5.13): the clue in words, its policies, their
 * customers masked (P5.21), its timeline and evidence, its link-mates and what this caller may do
 * on it. An item outside the caller's scope does not exist.
 */
export async function getItemDetail(deps: Deps, staff: Staff, context: AuditContext, itemNo: string) {
  const q = deps.db.kysely;
  const scope = staff.scope;
  const row = await repo.findItemInScope(q, itemNo, scope);
  if (!row) throw notFound(itemNo);
  const [item] = (await toItems(deps, [row])) as [ListedProblemItem];
  const policies = await repo.policiesOf(q, [item.policyNo, ...item.relatedPolicyNos]);
  const { clue, holders } = await explainClue(deps, item, policies);
  // Customers only of the policies the caller answers for; the others are named, not described.
  const visible = policies.filter((p) => inScope(scope, { branch: p.branch_code, channel: p.channel }));
  const customers = await customersOn(deps, visible, holders);
  const work = await caseView(deps, staff, row);
  await q
    .transaction()
    .execute((trx) =>
      deps.audit.append(trx, context, [{ type: 'item.viewed', objectType: 'item', objectId: itemNo, data: {} }]),
    );
  return {
    item,
    clue,
    policies: policies
      .sort(
        (a, b) =>
          Number(b.policy_no === item.policyNo) - Number(a.policy_no === item.policyNo) ||
          a.policy_no.localeCompare(b.policy_no),
      )
      .map((p) => ({
        policyNo: p.policy_no,
        channel: p.channel,
        branchCode: p.branch_code,
        agentCode: p.agent_code,
        status: p.status,
        inScope: visible.includes(p),
      })),
    customers,
    ...work,
  };
}

const holderKey = (policyNo: string, role: string, seq: number) => `${policyNo}/${role}/${seq}`;

async function customersOn(deps: Deps, policies: repo.PolicyRow[], holders: Set<string>) {
  const parties = await repo.customerPartiesOf(
    deps.db.kysely,
    policies.map((p) => p.policy_no),
  );
  const records = await openPolicies(deps, policies);
  return parties.map((p) => {
    const input = records.get(p.policy_no);
    const party = input && partyOf(input, p.role, p.seq);
    return {
      customerId: p.customer_id,
      policyNo: p.policy_no,
      role: p.role,
      name: party?.name ? maskName(party.name) : null,
      idNo: party?.idNo ? maskIdNo(party.idNo) : null,
      holdsClueValue: holders.has(holderKey(p.policy_no, p.role, p.seq)),
    };
  });
}

async function openPolicies(deps: Deps, policies: repo.PolicyRow[]) {
  const ids = policies.flatMap((p) => (p.accepted_submission_id === null ? [] : [p.accepted_submission_id]));
  const sealed = await sealedSubmissions(deps.db.kysely, ids);
  return new Map(sealed.map((s) => [s.policy_no, openSubmission(deps, { policyNo: s.policy_no, sealed: s.sealed })]));
}

/**
 * The clue behind the item. The contact index holds blind indexes only, so the shared value is
 * found as the contact of the item's policies whose link id is the item's (problem-items.ts
 * `linkIdOf`), then read from that policy's sealed record and masked.
 */
async function explainClue(
  deps: Deps,
  item: ListedProblemItem,
  policies: repo.PolicyRow[],
): Promise<{ clue: Clue; holders: Set<string> }> {
  const q = deps.db.kysely;
  const link = (await findLinks(q, [item.linkId])).get(item.linkId);
  if (item.rule === 'COMPLAINT_RECHECK') {
    const own = policies.find((p) => p.policy_no === item.policyNo);
    const seller =
      [own?.agent_code, own?.agency_code].find((c) => c && linkIdOf(item.rule, c) === item.linkId) ??
      own?.agent_code ??
      '';
    const count = (await sellersToRecheck(deps, item.detectedOn)).find((s) => s.agentCode === seller)?.count;
    return { clue: describeRecheck(seller, count), holders: new Set() };
  }
  const kinds: Kind[] = link
    ? [link.kind as Kind]
    : item.rule === 'SHARED_ACCOUNT'
      ? ['account']
      : ['phone', 'address'];
  const contacts = await repo.contactsOf(
    q,
    policies.map((p) => p.policy_no),
    kinds,
  );
  const shared = contacts.filter((c) => linkIdOf(item.rule, `${c.kind}:${c.bidx}`) === item.linkId);
  const holders = new Set(shared.map((c) => holderKey(c.policy_no, c.party_role, c.party_seq)));
  const first = shared.find((c) => c.policy_no === item.policyNo) ?? shared[0];
  const customers = link ? (JSON.parse(link.members) as string[]).length : holders.size;
  const kind = first?.kind ?? kinds[0] ?? 'phone';
  let value: string | undefined;
  if (first) {
    const policy = policies.filter((p) => p.policy_no === first.policy_no);
    const input = (await openPolicies(deps, policy)).get(first.policy_no);
    const party = input && partyOf(input, first.party_role, first.party_seq);
    value = party && plainValueOf(deps, party, first.kind, first.bidx);
  }
  if (item.rule === 'AGENT_CONTACT') {
    const sellers = first && first.kind !== 'account' ? await repo.sellersWithContact(q, first.kind, first.bidx) : [];
    return { clue: describeAgentContact(kind, value, sellers), holders };
  }
  return { clue: describeShared(kind, value, customers), holders };
}

/** The party's value of this kind whose blind index is the link's (the scan's own normalisation). */
function plainValueOf(deps: Deps, party: PartyRecord, kind: Kind, bidx: string): string | undefined {
  const index = (domain: string, normalized: string | undefined) =>
    normalized !== undefined && deps.sealer.blindIndex(domain, normalized).toString() === bidx;
  if (kind === 'phone') {
    return party.phones.map(normalizePhone).find((e164) => index(INDEX_DOMAIN.phone, e164));
  }
  if (kind === 'account') {
    const digits = party.accountNo && normalizeAccountNo(party.accountNo);
    return digits && index(INDEX_DOMAIN.account, digits) ? digits : undefined;
  }
  return party.address && index(INDEX_DOMAIN.address, normalizeAddress(party.address)) ? party.address : undefined;
}

const KIND_WORDS: Record<Kind, { zh: string; en: string; mask: (v: string) => string }> = {
  phone: { zh: '电话号码', en: 'phone', mask: maskPhone },
  account: { zh: '银行账号', en: 'bank account', mask: maskAccountNo },
  address: { zh: '地址', en: 'address', mask: maskAddress },
};

function wordsFor(kind: Kind, value: string | undefined) {
  const words = KIND_WORDS[kind];
  const zh = kind === 'phone' && value?.startsWith('+861') ? '手机号' : words.zh;
  return { zh, en: words.en, masked: value === undefined ? null : words.mask(value) };
}

/** SHARED_PHONE, SHARED_ACCOUNT (P5.7). */
export function describeShared(kind: Kind, value: string | undefined, customers: number): Clue {
  const w = wordsFor(kind, value);
  return {
    zh: `${w.masked ? `${w.zh} ${w.masked} ` : `同一${w.zh}`}同时出现在 ${customers} 位不同客户的资料中`,
    en: `${w.masked ? `${w.en} ${w.masked}` : `one ${w.en}`} appears on ${customers} different customers`,
    maskedValue: w.masked,
  };
}

/** AGENT_CONTACT (P5.11). */
export function describeAgentContact(
  kind: Kind,
  value: string | undefined,
  sellers: Array<{ agentCode: string; owner: 'self' | 'relative' }>,
): Clue {
  const w = wordsFor(kind, value);
  const zhSellers = sellers.map((s) => `${s.agentCode}（${s.owner === 'self' ? '本人' : '亲属'}）`).join('、');
  const enSellers = sellers.map((s) => `${s.agentCode} (${s.owner === 'self' ? 'own' : "a relative's"})`).join(', ');
  const zhSubject = w.masked ? `客户${w.zh} ${w.masked} ` : `客户的${w.zh}`;
  const enSubject = w.masked ? `the customer's ${w.en} ${w.masked}` : `the customer's ${w.en}`;
  return sellers.length > 0
    ? {
        zh: `${zhSubject}是销售人员 ${zhSellers}登记的联系方式`,
        en: `${enSubject} is a registered contact of seller ${enSellers}`,
        maskedValue: w.masked,
      }
    : {
        zh: `${zhSubject}与销售人员登记的联系方式相同`,
        en: `${enSubject} matches a seller's registered contact`,
        maskedValue: w.masked,
      };
}

/** COMPLAINT_RECHECK (P5.14); the count as of the day the item was raised. */
export function describeRecheck(seller: string, complaints: number | undefined): Clue {
  const zhCount = complaints === undefined ? '两宗及以上' : `${complaints} 宗`;
  const enCount = complaints === undefined ? 'two or more' : String(complaints);
  return {
    zh: `销售人员 ${seller} 一年内有 ${zhCount}经核实的销售误导投诉，其销售的保单须复核`,
    en: `seller ${seller} has ${enCount} verified misleading-sales complaints within a year; the policies they sold need a re-check`,
    maskedValue: null,
  };
}
