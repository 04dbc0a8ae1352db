import type { ApplicationRecord } from '../../shared/contract.js';
import { type Book, type BookOptions, openBook } from './book.js';
import { chinaTimestamp, yearOf } from './dates.js';
import { plantDefect } from './defects.js';
import type { Member } from './households.js';
import { applicantRecord, beneficiaryRecords, insuredRecord } from './party-records.js';
import { approvalRefOf, payerAccountOf } from './payer.js';
import type { DemoApplication } from './planting-context.js';
import { chooseParties } from './policy-parties.js';
import { Rng } from './prng.js';
import { pickProduct, premiumAmount } from './products.js';
import { householdOf, purchaseOf } from './sales.js';
import { plantSharedContact } from './shared-contacts.js';
import { Stream } from './streams.js';

export type { DemoApplication } from './planting-context.js';

/** Share of policies whose receipt is already signed when the book is taken. */
const RECEIPT_SIGNED_SHARE = 0.6;
/** Share of policies paid from the spouse's account under an approved exception (P5.11). */
const SPOUSE_PAYS_SHARE = 0.02;

/** The book's applications in entry order, with what was planted in each. */
export function* generateDemoApplications(options: BookOptions): Generator<DemoApplication> {
  const book = openBook(options);
  for (let k = 0; k < book.applications; k++) yield applicationAt(book, k);
}

/** The book's applications in entry order. Streamed: memory does not grow with the book. */
export function* generateApplications(options: BookOptions): Generator<ApplicationRecord> {
  for (const application of generateDemoApplications(options)) yield application.record;
}

/** Application k of the book, rebuilt from the seed alone. */
export function applicationAt(book: Book, k: number): DemoApplication {
  const purchase = purchaseOf(book, k);
  const { channel, seller } = purchase.sale;
  const household = householdOf(book, purchase);
  const rng = Rng.of(book.seed, Stream.application, k);
  const { day, timestamp } = book.schedule.appliedAt(k, rng.next());
  const product = pickProduct(rng, channel);
  const parties = chooseParties(rng, household, product, day);
  const applicant = parties.applicant;

  const bankCode = seller.partnerBank ?? household.bankCode;
  const spousePays = parties.partner !== undefined && rng.chance(SPOUSE_PAYS_SHARE);
  const payerAccount = spousePays
    ? payerAccountOf(rng, (parties.partner as Member).person(), bankCode, approvalRefOf(rng, yearOf(day)))
    : payerAccountOf(rng, applicant, bankCode);

  const receiptSignedAt = rng.chance(RECEIPT_SIGNED_SHARE)
    ? chinaTimestamp(day + rng.int(2, 8), rng.int(9 * 3600, 20 * 3600))
    : null;

  const record: ApplicationRecord = {
    policyNo: book.schedule.policyNo(k),
    channel,
    agentCode: channel === 'agency' ? null : seller.agentCode,
    agencyCode: channel === 'agency' ? seller.agentCode : null,
    branchCode: seller.branch.code,
    productCode: product.code,
    productType: product.type,
    termMonths: product.termMonths,
    appliedAt: timestamp,
    receiptSignedAt,
    premium: { amount: premiumAmount(rng, product), currency: 'CNY', frequency: product.frequency },
    payerAccount,
    applicant: applicantRecord(rng, applicant),
    insured: insuredRecord(rng, parties, day),
    beneficiaries: beneficiaryRecords(rng, parties, day),
  };

  const ctx = {
    book,
    k,
    day,
    purchase,
    household,
    parties,
    record,
    applicationAt: (j: number) => applicationAt(book, j),
  };
  const defect = book.defects ? plantDefect(ctx) : null;
  const sharedContact = !defect && book.sharedContacts ? plantSharedContact(ctx) : null;
  return { record, defect, sharedContact };
}
