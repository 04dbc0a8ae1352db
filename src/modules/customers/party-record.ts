import type { Deps } from '../../platform/context.js';
import { type ApplicationInput, readApplication } from '../intake/read-application.js';

/** What one policy's record says about one of its parties. */
export interface PartyRecord {
  name?: string;
  idType?: string;
  idNo?: string;
  gender?: string;
  birthDate?: string;
  address?: string;
  phones: string[];
  accountNo?: string;
}

/** Opens a stored submission: the AAD binds it to its policy number (intake/prepare-submission.ts). */
export function openSubmission(deps: Deps, submission: { policyNo: string; sealed: Uint8Array }): ApplicationInput {
  return readApplication(deps.sealer.open<unknown>(submission.sealed, `submission:${submission.policyNo}`)).input;
}

/**
 * The party at (role, seq) of an application. The payer is the applicant unless an approved
 * exception names another holder (P5.11, as intake/prepare-submission.ts decides the customer).
 */
export function partyOf(input: ApplicationInput, role: string, seq: number): PartyRecord | undefined {
  if (role === 'applicant') return input.applicant;
  if (role === 'insured') return input.insured === 'self' ? input.applicant : input.insured;
  if (role === 'beneficiary') return input.beneficiaries[seq];
  if (role !== 'payer' || !input.payerAccount) return undefined;
  const payer = input.payerAccount;
  if (payer.approvalRef && payer.holderIdNo) {
    return {
      name: payer.holderName,
      idType: payer.holderIdType ?? 'RESIDENT_ID',
      idNo: payer.holderIdNo,
      phones: [],
      accountNo: payer.accountNo,
    };
  }
  return { ...input.applicant, accountNo: payer.accountNo };
}
