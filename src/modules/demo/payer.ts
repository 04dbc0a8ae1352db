import type { ApplicationRecord } from '../../shared/contract.js';
import { writeAccount } from './accounts.js';
import { cardOf, type Person } from './households.js';
import { asWritten } from './ids.js';
import type { Rng } from './prng.js';

type PayerAccount = NonNullable<ApplicationRecord['payerAccount']>;

/** The account premiums are debited from, held by `holder`. */
export function payerAccountOf(rng: Rng, holder: Person, bankCode: string, approvalRef?: string): PayerAccount {
  return {
    bankCode,
    accountNo: writeAccount(rng, cardOf(holder, bankCode)),
    holderName: holder.name,
    holderIdType: holder.idType,
    holderIdNo: asWritten(rng, holder.idNo),
    ...(approvalRef ? { approvalRef } : {}),
  };
}

/** Reference of the approved exception letting a spouse pay (P5.11). */
export function approvalRefOf(rng: Rng, year: number): string {
  return `PA${year}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
}
