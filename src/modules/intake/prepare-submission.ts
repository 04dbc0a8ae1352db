import type { Sealer } from '../../platform/crypto/sealer.js';
import { normalizeAddress } from '../identity/address.js';
import { matchingIdNo } from '../identity/id-number.js';
import { canonicalJson } from './canonical-json.js';
import { type CheckedParty, evaluateApplication, type GateContext } from './gate.js';
import type { PreparedContact, PreparedCustomer, PreparedParty, PreparedSubmission } from './prepared.js';
import type { ApplicationInput } from './read-application.js';

/** Blind-index domains: one per kind of value, so equal strings of different kinds never link. */
export const INDEX_DOMAIN = {
  phone: 'phone',
  address: 'address',
  account: 'account',
  id: (idType: string) => `id:${idType}`,
} as const;

/** Gate one raw record, then seal and index what will be stored. */
export function prepareSubmission(
  raw: unknown,
  lineNo: number | null,
  context: GateContext,
  sealer: Sealer,
): PreparedSubmission {
  const evaluation = evaluateApplication(raw, context);
  const { outcome, input } = evaluation;
  const policyNo = outcome.policyNo ?? '';
  const canonical = canonicalJson(raw);
  const contentDigest = sealer.digest(canonical);
  const parties: PreparedParty[] = [];

  if (outcome.accepted) {
    for (const party of evaluation.parties) parties.push(prepareParty(party, sealer));
    const payer = preparePayer(input, evaluation.accountDigits, parties[0], sealer);
    if (payer) parties.push(payer);
  }

  return {
    lineNo,
    outcome,
    contentDigest,
    sealedRecord: sealer.sealJson(canonical, `submission:${policyNo}`),
    application: {
      channel: input.channel ?? null,
      agentCode: input.agentCode ?? null,
      agencyCode: input.agencyCode ?? null,
      branchCode: input.branchCode ?? null,
      productCode: input.productCode ?? null,
      productType: input.productType ?? null,
      termMonths: input.termMonths ?? null,
      appliedAt: input.appliedAt ?? null,
      appliedOn: evaluation.appliedOn ?? null,
      receiptSignedAt: input.receiptSignedAt ?? null,
    },
    parties,
  };
}

function prepareParty(party: CheckedParty, sealer: Sealer): PreparedParty {
  const p = party.input;
  const contacts: PreparedContact[] = party.phonesE164.map((e164) => ({
    kind: 'phone',
    bidx: sealer.blindIndex(INDEX_DOMAIN.phone, e164).toString(),
  }));
  if (p.address) {
    contacts.push({
      kind: 'address',
      bidx: sealer.blindIndex(INDEX_DOMAIN.address, normalizeAddress(p.address)).toString(),
    });
  }
  return {
    role: party.role,
    seq: party.seq,
    relation: p.relation ?? null,
    sharePct: p.sharePct ?? null,
    customer: party.idKey
      ? customerOf(party.idKey, [p.name, p.gender, p.birthDate, p.address, party.phonesE164.join(','), p.email], sealer)
      : null,
    contacts,
  };
}

function customerOf(
  key: { idType: string; idNo: string },
  personal: ReadonlyArray<string | undefined | null>,
  sealer: Sealer,
): PreparedCustomer {
  return {
    idType: key.idType,
    idBidx: sealer.blindIndex(INDEX_DOMAIN.id(key.idType), key.idNo).toString(),
    dataDigest: sealer.digest(personal.map((v) => v ?? '').join('\u0001')),
  };
}

/**
 * The account the premiums come from. Accepted means it is the applicant's own or approved (P5.11):
 * without an approval it belongs to the applicant; with one, to the holder identified on it.
 */
function preparePayer(
  input: ApplicationInput,
  accountDigits: string | undefined,
  applicant: PreparedParty | undefined,
  sealer: Sealer,
): PreparedParty | undefined {
  const payer = input.payerAccount;
  if (!payer || !accountDigits) return undefined;
  // Without an identified holder, the account is linked through the applicant whose records hold it
  // (INTERCHANGE §5 counts different customers).
  let customer = applicant?.customer ?? null;
  if (payer.approvalRef && payer.holderIdNo) {
    const idType = payer.holderIdType ?? 'RESIDENT_ID';
    customer = customerOf({ idType, idNo: matchingIdNo(idType, payer.holderIdNo) }, [payer.holderName], sealer);
  }
  return {
    role: 'payer',
    seq: 0,
    relation: null,
    sharePct: null,
    customer,
    contacts: [{ kind: 'account', bidx: sealer.blindIndex(INDEX_DOMAIN.account, accountDigits).toString() }],
  };
}
