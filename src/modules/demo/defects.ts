import { writeAccount } from './accounts.js';
import { unregisteredCode } from './agent-directory.js';
import { addMonths, isoDateOf, parseIsoDate } from './dates.js';
import { cardOf, Household } from './households.js';
import { withWrongCheckChar } from './ids.js';
import { mistypedMobile } from './phones.js';
import { identityTargets, outsiderIndex, type PlantingContext } from './planting-context.js';
import { Rng, streamKey, unitFromKey, Weighted } from './prng.js';
import { Stream } from './streams.js';

/** The realistic defects the demo book carries, one per affected application. */
export const DEMO_DEFECTS = [
  'missing_applicant_phone',
  'missing_applicant_address',
  'id_check_digit',
  'gender_contradicts_id',
  'birth_date_off',
  'phone_mistyped',
  'third_party_payer',
  'unknown_agent',
  'unqualified_agent',
] as const;
export type DemoDefect = (typeof DEMO_DEFECTS)[number];

/** Share of applications with a defect. */
export const DEFECT_RATE = 0.04;

const DEFECT_MIX = new Weighted<DemoDefect>([
  ['missing_applicant_phone', 10],
  ['missing_applicant_address', 10],
  ['id_check_digit', 15],
  ['gender_contradicts_id', 10],
  ['birth_date_off', 12],
  ['phone_mistyped', 15],
  ['third_party_payer', 10],
  ['unknown_agent', 9],
  ['unqualified_agent', 9],
]);

/** Decides from its own stream whether application k has a defect, and plants it. */
export function plantDefect(ctx: PlantingContext): DemoDefect | null {
  const key = streamKey(ctx.book.seed, Stream.defect, ctx.k);
  if (unitFromKey(key) >= DEFECT_RATE) return null;
  const rng = new Rng(key);
  let defect = DEFECT_MIX.pick(rng);
  // An agency is licensed as an institution: the unqualified-person defect needs a person seller.
  if (defect === 'unqualified_agent' && ctx.record.channel === 'agency') defect = 'unknown_agent';
  if (defect === 'phone_mistyped' && !ctx.parties.applicant.mobile) defect = 'missing_applicant_phone';
  PLANTERS[defect](rng, ctx);
  return defect;
}

const PLANTERS: Record<DemoDefect, (rng: Rng, ctx: PlantingContext) => void> = {
  missing_applicant_phone: (_rng, { record }) => {
    record.applicant.phones = [];
  },
  missing_applicant_address: (_rng, { record }) => {
    record.applicant.address = '';
  },
  id_check_digit: (rng, { record }) => {
    const party = rng.pick(identityTargets(record));
    const wrong = withWrongCheckChar(rng, party.idNo as string);
    // The payer's ID is copied from the same form, mistake included.
    const payer = record.payerAccount;
    if (payer && party === record.applicant && payer.holderIdNo?.toUpperCase() === party.idNo?.toUpperCase()) {
      payer.holderIdNo = wrong;
    }
    party.idNo = wrong;
  },
  gender_contradicts_id: (rng, { record }) => {
    const party = rng.pick(identityTargets(record));
    party.gender = party.gender === 'M' ? 'F' : 'M';
  },
  birth_date_off: (rng, { record }) => {
    const party = rng.pick(identityTargets(record));
    const day = parseIsoDate(party.birthDate as string) as number;
    const sign = rng.chance(0.5) ? 1 : -1;
    party.birthDate = isoDateOf(rng.chance(0.5) ? day + sign : addMonths(day, sign));
  },
  phone_mistyped: (rng, { record, parties }) => {
    record.applicant.phones[0] = mistypedMobile(rng, parties.applicant.mobile as string);
  },
  third_party_payer: (rng, { book, k, record, purchase }) => {
    const payer = record.payerAccount;
    if (!payer) return;
    const outsider = new Household(book.seed, outsiderIndex(book, k), purchase.homeBranch, book.fromDay).main;
    const bankCode = payer.bankCode ?? 'ICBC';
    payer.accountNo = writeAccount(rng, cardOf(outsider, bankCode));
    payer.holderName = outsider.name;
    payer.holderIdType = outsider.idType;
    payer.holderIdNo = outsider.idNo;
    delete payer.approvalRef;
  },
  unknown_agent: (rng, { book, record, purchase }) => {
    const code = unregisteredCode(rng, purchase.sale.seller.kind, book.agents);
    if (record.channel === 'agency') record.agencyCode = code;
    else record.agentCode = code;
  },
  unqualified_agent: (rng, { book, day, record }) => {
    record.agentCode = book.directory.pickUnqualified(rng, day).agentCode;
  },
};
