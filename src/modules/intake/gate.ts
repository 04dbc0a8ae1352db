import { type Issue, issue } from '../../shared/codes.js';
import type { AgentKind, Gender, IdType } from '../../shared/contract.js';
import { checkBankAccount } from '../identity/bank-account.js';
import { checkIdNumber, matchingIdNo, normalizeIdNo } from '../identity/id-number.js';
import { checkPhone } from '../identity/phone.js';
import { ageOn, chinaDate, isRealDate, parseTimestamp } from './china-time.js';
import { type ApplicationInput, type PartyInput, readApplication } from './read-application.js';

/**
 * The underwriting gate (自动核保的资料检查): pure rules, no I/O, no clock — `today` is given.
 * Key data complete (P5.5), identity consistent (P5.6), payer and seller legitimate (P5.10–11).
 */
export interface AgentFacts {
  kind: AgentKind;
  qualifiedOn: string | null;
}
export type AgentLookup = (code: string) => AgentFacts | undefined;

export interface GateContext {
  agents: AgentLookup;
  /** China date the check runs on: ID birth dates after it are in the future. */
  today: string;
}

export interface GateOutcome {
  policyNo: string | null;
  accepted: boolean;
  errors: Issue[];
  warnings: Issue[];
}

/** What the gate learnt about one party, for storage and linkage. */
export interface CheckedParty {
  role: 'applicant' | 'insured' | 'beneficiary';
  seq: number;
  path: string;
  input: PartyInput;
  /** Customer key (INTERCHANGE §4): normalised number, 15-digit legacy numbers upgraded to 18. */
  idKey?: { idType: IdType; idNo: string };
  phonesE164: string[];
}

export interface GateEvaluation {
  outcome: GateOutcome;
  input: ApplicationInput;
  parties: CheckedParty[];
  accountDigits?: string;
  /** China date of appliedAt — day T (P5.7). */
  appliedOn?: string;
}

export function gateApplication(raw: unknown, context: GateContext): GateOutcome {
  return evaluateApplication(raw, context).outcome;
}

export function evaluateApplication(raw: unknown, context: GateContext): GateEvaluation {
  const { input, issues: readIssues } = readApplication(raw);
  const errors: Issue[] = [...readIssues];
  const warnings: Issue[] = [];

  if (!input.policyNo) errors.push(issue('MISSING_FIELD', 'policyNo'));
  const appliedOn = checkAppliedAt(input, errors);
  const minorOn = appliedOn ?? context.today;

  const applicant = checkParty(input.applicant, 'applicant', 'applicant', 0, context, errors, warnings, {
    requireContact: true,
  });
  const parties: CheckedParty[] = [applicant];

  if (input.insured !== 'self') {
    const insured = input.insured;
    const isMinor =
      insured.birthDate !== undefined && isRealDate(insured.birthDate) && ageOn(insured.birthDate, minorOn) < 18;
    parties.push(
      checkParty(insured, 'insured', 'insured', 0, context, errors, warnings, {
        idNoOptional: isMinor,
      }),
    );
    if (isMinor && !insured.idNo) warnings.push(issue('MINOR_WITHOUT_ID', 'insured.idNo'));
  }

  input.beneficiaries.forEach((b, i) => {
    parties.push(checkBeneficiary(b, i, context, warnings));
  });
  checkShares(input, warnings);

  const accountDigits = checkPayer(input, errors, warnings);
  checkSeller(input, appliedOn, context, errors);
  if (input.termMonths !== undefined && input.termMonths < 12) outOfScope(errors, warnings);

  return {
    outcome: { policyNo: input.policyNo ?? null, accepted: errors.length === 0, errors, warnings },
    input,
    parties,
    accountDigits,
    appliedOn,
  };
}

/** Errors that stop a record being read or stored at all, whatever its term. */
const STRUCTURAL = new Set(['policyNo', 'appliedAt']);

/**
 * P5.4: the rules govern individual business with a term of one year or more. A shorter term still
 * gets every finding, as a warning, so staff see it without underwriting being blocked.
 */
function outOfScope(errors: Issue[], warnings: Issue[]): void {
  const kept = errors.filter((e) => e.code === 'FIELD_INVALID' || STRUCTURAL.has(e.path));
  const moved = errors.filter((e) => !kept.includes(e));
  errors.splice(0, errors.length, ...kept);
  warnings.unshift(issue('OUT_OF_SCOPE_TERM', 'termMonths'), ...moved);
}

function checkAppliedAt(input: ApplicationInput, errors: Issue[]): string | undefined {
  if (!input.appliedAt) {
    errors.push(issue('MISSING_FIELD', 'appliedAt'));
    return undefined;
  }
  const ms = parseTimestamp(input.appliedAt);
  if (ms === undefined) {
    errors.push(issue('FIELD_INVALID', 'appliedAt', { zh: '应为ISO 8601时间', en: 'must be an ISO 8601 timestamp' }));
    return undefined;
  }
  return chinaDate(ms);
}

interface PartyRules {
  requireContact?: boolean;
  idNoOptional?: boolean;
}

// P5.5 key data, P5.6 identity consistency.
function checkParty(
  party: PartyInput,
  role: 'applicant' | 'insured',
  path: string,
  seq: number,
  context: GateContext,
  errors: Issue[],
  warnings: Issue[],
  rules: PartyRules,
): CheckedParty {
  // A value present but invalid was already reported as FIELD_INVALID: not also "missing".
  const missing = (field: string) => {
    const at = `${path}.${field}`;
    if (!errors.some((e) => e.path === at)) errors.push(issue('MISSING_FIELD', at));
  };
  if (!party.name) missing('name');
  if (!party.gender) missing('gender');
  if (!party.birthDate) missing('birthDate');
  if (!party.idType) missing('idType');
  if (!party.idNo && !rules.idNoOptional) missing('idNo');
  if (rules.requireContact) {
    if (!party.address) missing('address');
    if (party.phones.length === 0) missing('phones');
  }

  const birthDateValid = party.birthDate !== undefined && isRealDate(party.birthDate);
  if (party.birthDate && !birthDateValid) {
    errors.push(
      issue('FIELD_INVALID', `${path}.birthDate`, {
        zh: '应为真实日期 YYYY-MM-DD',
        en: 'must be a real date YYYY-MM-DD',
      }),
    );
  }

  const checked: CheckedParty = { role, seq, path, input: party, phonesE164: [] };
  if (party.idType && party.idNo) {
    const id = checkIdNumber(party.idType, party.idNo, { today: context.today, path: `${path}.idNo` });
    errors.push(...id.errors);
    warnings.push(...id.warnings);
    if (id.gender && party.gender && id.gender !== party.gender) {
      errors.push(
        issue('GENDER_MISMATCH', `${path}.gender`, {
          zh: `证件号码显示为${id.gender === 'M' ? '男' : '女'}`,
          en: `the ID number says ${id.gender === 'M' ? 'male' : 'female'}`,
        }),
      );
    }
    if (id.birthDate && birthDateValid && id.birthDate !== party.birthDate) {
      errors.push(issue('BIRTHDATE_MISMATCH', `${path}.birthDate`));
    }
    checked.idKey = { idType: party.idType, idNo: id.upgraded18 ?? id.normalized };
  }

  party.phones.forEach((raw, i) => {
    const phone = checkPhone(raw, `${path}.phones[${i}]`);
    errors.push(...phone.errors);
    warnings.push(...phone.warnings);
    if (phone.normalized) checked.phonesE164.push(phone.normalized);
  });
  return checked;
}

/** Beneficiaries are not key data (P5.2): their defects are warnings, never a block. */
function checkBeneficiary(party: PartyInput, index: number, context: GateContext, warnings: Issue[]): CheckedParty {
  const path = `beneficiaries[${index}]`;
  const checked: CheckedParty = { role: 'beneficiary', seq: index, path, input: party, phonesE164: [] };
  if (party.idType && party.idNo) {
    const id = checkIdNumber(party.idType, party.idNo, { today: context.today, path: `${path}.idNo` });
    warnings.push(...id.errors, ...id.warnings);
    if (id.errors.length === 0) checked.idKey = { idType: party.idType, idNo: id.upgraded18 ?? id.normalized };
  }
  party.phones.forEach((raw, i) => {
    const phone = checkPhone(raw, `${path}.phones[${i}]`);
    warnings.push(...phone.errors, ...phone.warnings);
    if (phone.normalized) checked.phonesE164.push(phone.normalized);
  });
  return checked;
}

function checkShares(input: ApplicationInput, warnings: Issue[]): void {
  const shares = input.beneficiaries.map((b) => b.sharePct);
  if (shares.length === 0 || shares.some((s) => s === undefined)) return;
  const total = shares.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  if (Math.abs(total - 100) > 0.001) {
    warnings.push(issue('BENEFICIARY_SHARE', 'beneficiaries', { zh: `合计 ${total}%`, en: `total ${total}%` }));
  }
}

// P5.11: premiums are debited from the applicant's own account unless an exception was approved.
function checkPayer(input: ApplicationInput, errors: Issue[], warnings: Issue[]): string | undefined {
  const payer = input.payerAccount;
  if (!payer) return undefined;
  let digits: string | undefined;
  if (payer.accountNo) {
    const account = checkBankAccount(payer.accountNo, { bankCode: payer.bankCode, path: 'payerAccount.accountNo' });
    errors.push(...account.errors);
    warnings.push(...account.warnings);
    if (account.errors.length === 0) digits = account.normalized;
  }
  if (payer.approvalRef) return digits;

  const applicant = input.applicant;
  if (payer.holderIdNo) {
    if (!applicant.idNo || !sameIdNumber(payer.holderIdNo, applicant.idNo)) {
      errors.push(
        issue('PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo', {
          zh: '账户持有人证件号码与投保人不同',
          en: "the holder's ID number differs from the applicant's",
        }),
      );
    }
  } else if (
    payer.holderName &&
    applicant.name &&
    comparableName(payer.holderName) !== comparableName(applicant.name)
  ) {
    errors.push(
      issue('PAYER_NOT_APPLICANT', 'payerAccount.holderName', {
        zh: '账户持有人姓名与投保人不同',
        en: "the holder's name differs from the applicant's",
      }),
    );
  }
  return digits;
}

function sameIdNumber(a: string, b: string): boolean {
  return normalizeIdNo(a) === normalizeIdNo(b) || matchingIdNo('RESIDENT_ID', a) === matchingIdNo('RESIDENT_ID', b);
}

function comparableName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s·•.．]/g, '')
    .toUpperCase();
}

// P5.10–11: the seller must be in the register and hold a sales qualification on day T.
function checkSeller(
  input: ApplicationInput,
  appliedOn: string | undefined,
  context: GateContext,
  errors: Issue[],
): void {
  const sellers: Array<{ field: 'agentCode' | 'agencyCode'; code: string | undefined }> =
    input.channel === 'agency'
      ? [
          { field: 'agencyCode', code: input.agencyCode },
          ...(input.agentCode ? [{ field: 'agentCode' as const, code: input.agentCode }] : []),
        ]
      : [{ field: 'agentCode', code: input.agentCode }];

  for (const { field, code } of sellers) {
    if (!code) {
      errors.push(issue('AGENT_UNKNOWN', field, { zh: '未填写销售人员代码', en: 'no seller code given' }));
      continue;
    }
    const agent = context.agents(code);
    if (!agent) {
      errors.push(
        issue('AGENT_UNKNOWN', field, { zh: `代码 ${code} 不在名册中`, en: `code ${code} is not registered` }),
      );
      continue;
    }
    // An agency is licensed as an institution; the application-form test qualifies people.
    if (agent.kind === 'agency' || !appliedOn) continue;
    if (!agent.qualifiedOn || agent.qualifiedOn > appliedOn) {
      errors.push(
        issue('AGENT_NOT_QUALIFIED', field, {
          zh: agent.qualifiedOn ? `取得资格日期 ${agent.qualifiedOn} 晚于投保日 ${appliedOn}` : '未取得销售资格',
          en: agent.qualifiedOn
            ? `qualified on ${agent.qualifiedOn}, after the application date ${appliedOn}`
            : 'has no sales qualification',
        }),
      );
    }
  }
}

export type { Gender };
