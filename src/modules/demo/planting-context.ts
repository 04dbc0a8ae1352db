import type { ApplicationRecord } from '../../shared/contract.js';
import type { Book } from './book.js';
import type { DemoDefect } from './defects.js';
import type { Household } from './households.js';
import type { PolicyParties } from './policy-parties.js';
import type { Purchase } from './sales.js';
import type { SharedContactKind } from './shared-contacts.js';

/** An application with what was planted in it, so tests know which records should fail the gate. */
export interface DemoApplication {
  record: ApplicationRecord;
  defect: DemoDefect | null;
  sharedContact: SharedContactKind | null;
}

/** Everything a defect or a shared contact needs to alter one application consistently. */
export interface PlantingContext {
  book: Book;
  k: number;
  day: number;
  purchase: Purchase;
  household: Household;
  parties: PolicyParties;
  record: ApplicationRecord;
  /** Rebuilds an earlier application of the same book. */
  applicationAt: (index: number) => DemoApplication;
}

type Party = ApplicationRecord['applicant'];
export type InsuredParty = Extract<ApplicationRecord['insured'], { name: string }>;

export function insuredParty(record: ApplicationRecord): InsuredParty | undefined {
  return 'name' in record.insured ? record.insured : undefined;
}

/** A party whose identity can be altered: the applicant, or an insured with a resident ID number. */
export function identityTargets(record: ApplicationRecord): Array<Party | InsuredParty> {
  const insured = insuredParty(record);
  return insured && insured.idType === 'RESIDENT_ID' && insured.idNo ? [record.applicant, insured] : [record.applicant];
}

/** Stands for a person outside the book (a friend, a stranger): a household index no sale uses. */
export function outsiderIndex(book: Book, k: number): number {
  return book.applications + k;
}
