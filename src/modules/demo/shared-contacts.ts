import { writeAccount } from './accounts.js';
import { agentRecordOf } from './agents.js';
import type { PlantingContext } from './planting-context.js';
import { Rng, streamKey, unitFromKey, Weighted } from './prng.js';
import { purchaseOf } from './sales.js';
import { Stream } from './streams.js';

/**
 * Contacts that link records which should not be linked (INTERCHANGE §5): a seller's own or a
 * relative's phone or address on a customer (P5.11), and unrelated customers sharing a phone or an
 * account (P5.7).
 */
export const SHARED_CONTACT_KINDS = [
  'seller_phone',
  'seller_relative_phone',
  'seller_address',
  'unrelated_shared_phone',
  'unrelated_shared_account',
] as const;
export type SharedContactKind = (typeof SHARED_CONTACT_KINDS)[number];

export const SHARED_CONTACT_RATE = 0.01;

const MIX = new Weighted<SharedContactKind>([
  ['seller_phone', 25],
  ['seller_relative_phone', 15],
  ['seller_address', 10],
  ['unrelated_shared_phone', 30],
  ['unrelated_shared_account', 20],
]);

export function plantSharedContact(ctx: PlantingContext): SharedContactKind | null {
  const key = streamKey(ctx.book.seed, Stream.sharedContact, ctx.k);
  if (unitFromKey(key) >= SHARED_CONTACT_RATE) return null;
  const rng = new Rng(key);
  const kind = MIX.pick(rng);
  return kind.startsWith('seller') ? useSellerContact(rng, ctx, kind) : shareWithStranger(rng, ctx, kind);
}

function useSellerContact(rng: Rng, ctx: PlantingContext, kind: SharedContactKind): SharedContactKind {
  const { record } = ctx;
  const seller = agentRecordOf(ctx.book, ctx.purchase.sale.seller.index);
  if (kind === 'seller_address' && seller.address) {
    record.applicant.address = seller.address;
    return kind;
  }
  const relativePhones = (seller.relatives ?? []).flatMap((r) => r.phones ?? []);
  if (kind === 'seller_relative_phone' && relativePhones.length > 0) {
    record.applicant.phones = [rng.pick(relativePhones)];
    return kind;
  }
  record.applicant.phones = [(seller.phones ?? [])[0] as string];
  return 'seller_phone';
}

/** Another customer of the book: the applicant of an earlier, clean application of a different household. */
function shareWithStranger(rng: Rng, ctx: PlantingContext, kind: SharedContactKind): SharedContactKind | null {
  const { book, k, record, purchase } = ctx;
  if (k === 0) return null;
  const j = rng.int(0, k - 1);
  if (purchaseOf(book, j).householdIndex === purchase.householdIndex) return null;
  const earlier = ctx.applicationAt(j);
  if (earlier.defect) return null;
  const theirPayer = earlier.record.payerAccount;
  const payer = record.payerAccount;
  if (kind === 'unrelated_shared_account' && payer && theirPayer) {
    payer.bankCode = theirPayer.bankCode;
    payer.accountNo = writeAccount(rng, theirPayer.accountNo.replace(/\D/g, ''));
    return kind;
  }
  const theirPhone = earlier.record.applicant.phones[0];
  if (!theirPhone) return null;
  record.applicant.phones = [theirPhone];
  return 'unrelated_shared_phone';
}
