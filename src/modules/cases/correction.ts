import type { Bilingual } from '../../platform/errors.js';
import { readApplication } from '../intake/read-application.js';

/** What the back office changes on a policy's record (P5.13): the party's phones or address, the payer's account. */
export interface CorrectionChange {
  party: 'applicant' | 'insured';
  phones?: string[];
  address?: string;
  accountNo?: string;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The record with the change applied, and the field paths that changed (never their values).
 * An insured who is the applicant (`relationToApplicant: self`) is corrected on the applicant.
 */
export function applyCorrection(
  record: unknown,
  change: CorrectionChange,
): { record: Obj; fields: string[] } | { refusal: Bilingual } {
  if (!isObject(record)) return { refusal: { zh: '原记录无法读取', en: 'the stored record cannot be read' } };
  const next = structuredClone(record);
  const role = change.party === 'insured' && readApplication(record).input.insured !== 'self' ? 'insured' : 'applicant';
  const fields: string[] = [];
  if (change.phones !== undefined || change.address !== undefined) {
    const party = next[role];
    if (!isObject(party)) {
      return {
        refusal: { zh: `原记录没有${role === 'insured' ? '被保险人' : '投保人'}`, en: `the record has no ${role}` },
      };
    }
    if (change.phones !== undefined && !sameJson(party.phones, change.phones)) {
      party.phones = [...change.phones];
      fields.push(`${role}.phones`);
    }
    if (change.address !== undefined && party.address !== change.address) {
      party.address = change.address;
      fields.push(`${role}.address`);
    }
  }
  if (change.accountNo !== undefined) {
    const payer = next.payerAccount;
    if (!isObject(payer)) {
      return { refusal: { zh: '原记录没有缴费账户，无法更正账号', en: 'the record has no payer account to correct' } };
    }
    if (payer.accountNo !== change.accountNo) {
      payer.accountNo = change.accountNo;
      fields.push('payerAccount.accountNo');
    }
  }
  if (fields.length === 0) {
    return { refusal: { zh: '更正内容与现有资料相同，没有可更正之处', en: 'the correction changes nothing' } };
  }
  return { record: next, fields };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}
