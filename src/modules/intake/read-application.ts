import { type Issue, issue } from '../../shared/codes.js';
import {
  CHANNELS,
  type Channel,
  GENDERS,
  type Gender,
  ID_TYPES,
  type IdType,
  PRODUCT_TYPES,
  type ProductType,
  RELATIONS,
  type Relation,
} from '../../shared/contract.js';

/**
 * Reads an application leniently: whatever the sender got wrong becomes an issue with a field path,
 * never an exception, so one record's defects are all reported at once (INTERCHANGE §3).
 * Absent, null and blank values all read as undefined; the gate decides which are missing.
 */
export interface PartyInput {
  name?: string;
  gender?: Gender;
  birthDate?: string;
  idType?: IdType;
  idNo?: string;
  address?: string;
  phones: string[];
  email?: string;
  relation?: Relation;
  sharePct?: number;
}

export interface PayerInput {
  bankCode?: string;
  accountNo?: string;
  holderName?: string;
  holderIdType?: IdType;
  holderIdNo?: string;
  approvalRef?: string;
}

export interface ApplicationInput {
  policyNo?: string;
  channel?: Channel;
  agentCode?: string;
  agencyCode?: string;
  branchCode?: string;
  productCode?: string;
  productType?: ProductType;
  termMonths?: number;
  appliedAt?: string;
  receiptSignedAt?: string;
  premium?: { amount?: string; currency?: string; frequency?: string };
  payerAccount?: PayerInput;
  applicant: PartyInput;
  /** `self` when the insured is the applicant. */
  insured: PartyInput | 'self';
  beneficiaries: PartyInput[];
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Reader {
  readonly issues: Issue[] = [];

  text(source: Obj, key: string, path: string): string | undefined {
    const value = source[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      this.issues.push(issue('FIELD_INVALID', path, { zh: '应为文本', en: 'must be text' }));
      return undefined;
    }
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }

  oneOf<T extends string>(source: Obj, key: string, path: string, allowed: readonly T[]): T | undefined {
    const value = this.text(source, key, path);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.issues.push(
      issue('FIELD_INVALID', path, {
        zh: `“${value}”不是允许的取值（${allowed.join(' | ')}）`,
        en: `"${value}" is not one of ${allowed.join(' | ')}`,
      }),
    );
    return undefined;
  }

  number(source: Obj, key: string, path: string): number | undefined {
    const value = source[key];
    if (value === undefined || value === null || value === '') return undefined;
    const n = typeof value === 'string' ? Number(value.trim()) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      this.issues.push(issue('FIELD_INVALID', path, { zh: '应为数字', en: 'must be a number' }));
      return undefined;
    }
    return n;
  }

  object(source: Obj, key: string, path: string): Obj | undefined {
    const value = source[key];
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) {
      this.issues.push(issue('FIELD_INVALID', path, { zh: '应为对象', en: 'must be an object' }));
      return undefined;
    }
    return value;
  }

  textList(source: Obj, key: string, path: string): string[] {
    const value = source[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
    if (!Array.isArray(value)) {
      this.issues.push(issue('FIELD_INVALID', path, { zh: '应为文本数组', en: 'must be an array of text' }));
      return [];
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') {
        const s = String(item).trim();
        if (s !== '') out.push(s);
      } else if (item !== null && item !== undefined) {
        this.issues.push(issue('FIELD_INVALID', `${path}[${i}]`, { zh: '应为文本', en: 'must be text' }));
      }
    });
    return out;
  }

  party(source: Obj, path: string, relationKey?: string): PartyInput {
    const party: PartyInput = {
      name: this.text(source, 'name', `${path}.name`),
      gender: this.oneOf(source, 'gender', `${path}.gender`, GENDERS),
      birthDate: this.text(source, 'birthDate', `${path}.birthDate`),
      idType: this.oneOf(source, 'idType', `${path}.idType`, ID_TYPES),
      idNo: this.text(source, 'idNo', `${path}.idNo`),
      address: this.text(source, 'address', `${path}.address`),
      phones: this.textList(source, 'phones', `${path}.phones`),
      email: this.text(source, 'email', `${path}.email`),
    };
    if (relationKey) party.relation = this.oneOf(source, relationKey, `${path}.${relationKey}`, RELATIONS);
    return party;
  }
}

export function readApplication(raw: unknown): { input: ApplicationInput; issues: Issue[] } {
  const r = new Reader();
  const source: Obj = isObject(raw) ? raw : {};
  if (!isObject(raw))
    r.issues.push(issue('FIELD_INVALID', '', { zh: '记录应为JSON对象', en: 'a record must be a JSON object' }));

  const applicant = r.object(source, 'applicant', 'applicant');
  const insured = r.object(source, 'insured', 'insured');
  const premium = r.object(source, 'premium', 'premium');
  const payer = r.object(source, 'payerAccount', 'payerAccount');

  const input: ApplicationInput = {
    policyNo: r.text(source, 'policyNo', 'policyNo'),
    channel: r.oneOf(source, 'channel', 'channel', CHANNELS),
    agentCode: r.text(source, 'agentCode', 'agentCode'),
    agencyCode: r.text(source, 'agencyCode', 'agencyCode'),
    branchCode: r.text(source, 'branchCode', 'branchCode'),
    productCode: r.text(source, 'productCode', 'productCode'),
    productType: r.oneOf(source, 'productType', 'productType', PRODUCT_TYPES),
    termMonths: r.number(source, 'termMonths', 'termMonths'),
    appliedAt: r.text(source, 'appliedAt', 'appliedAt'),
    receiptSignedAt: r.text(source, 'receiptSignedAt', 'receiptSignedAt'),
    premium: premium && {
      amount: r.text(premium, 'amount', 'premium.amount'),
      currency: r.text(premium, 'currency', 'premium.currency'),
      frequency: r.text(premium, 'frequency', 'premium.frequency'),
    },
    payerAccount: payer && {
      bankCode: r.text(payer, 'bankCode', 'payerAccount.bankCode'),
      accountNo: r.text(payer, 'accountNo', 'payerAccount.accountNo'),
      holderName: r.text(payer, 'holderName', 'payerAccount.holderName'),
      holderIdType: r.oneOf(payer, 'holderIdType', 'payerAccount.holderIdType', ID_TYPES),
      holderIdNo: r.text(payer, 'holderIdNo', 'payerAccount.holderIdNo'),
      approvalRef: r.text(payer, 'approvalRef', 'payerAccount.approvalRef'),
    },
    applicant: r.party(applicant ?? {}, 'applicant'),
    insured: readInsured(r, insured),
    beneficiaries: readBeneficiaries(r, source),
  };
  return { input, issues: r.issues };
}

function readInsured(r: Reader, insured: Obj | undefined): PartyInput | 'self' {
  if (!insured) return { phones: [] };
  const relation = r.oneOf(insured, 'relationToApplicant', 'insured.relationToApplicant', RELATIONS);
  const hasOwnData = ['name', 'idNo', 'idType', 'birthDate', 'gender'].some(
    (k) => insured[k] !== undefined && insured[k] !== null,
  );
  if (relation === 'self' && !hasOwnData) return 'self';
  const party = r.party(insured, 'insured');
  party.relation = relation;
  return party;
}

function readBeneficiaries(r: Reader, source: Obj): PartyInput[] {
  const list = source.beneficiaries;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    r.issues.push(issue('FIELD_INVALID', 'beneficiaries', { zh: '应为数组', en: 'must be an array' }));
    return [];
  }
  return list.flatMap((item, i) => {
    if (!isObject(item)) {
      r.issues.push(issue('FIELD_INVALID', `beneficiaries[${i}]`, { zh: '应为对象', en: 'must be an object' }));
      return [];
    }
    const party = r.party(item, `beneficiaries[${i}]`, 'relationToInsured');
    party.sharePct = r.number(item, 'sharePct', `beneficiaries[${i}].sharePct`);
    return [party];
  });
}
