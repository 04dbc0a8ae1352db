import type { AgentKind, Channel } from '../../shared/contract.js';
import type { AgentProfile } from './agent-directory.js';
import type { Book } from './book.js';
import type { Branch } from './branches.js';
import { Household } from './households.js';
import { Rng, streamKey, unitFromKey, Weighted } from './prng.js';
import { Stream } from './streams.js';

export interface Sale {
  channel: Channel;
  seller: AgentProfile;
}

const CHANNELS = new Weighted<Channel>([
  ['agent', 70],
  ['bancassurance', 20],
  ['agency', 10],
]);

const SELLER_KIND: Record<Channel, AgentKind> = {
  agent: 'agent',
  bancassurance: 'bancassurance_specialist',
  agency: 'agency',
};

/** Share of applications from a household that bought before (repeat buyers). */
const REPEAT_SHARE = 0.15;
/** Share of repeat purchases made through the same seller as the first one. */
const SAME_SELLER_SHARE = 0.6;

function isRepeatPurchase(book: Book, k: number): boolean {
  return k > 0 && unitFromKey(streamKey(book.seed, Stream.purchase, k, 0)) < REPEAT_SHARE;
}

function earlierPurchase(book: Book, k: number): number {
  return Math.floor(unitFromKey(streamKey(book.seed, Stream.purchase, k, 1)) * k);
}

/**
 * The household that buys application k: a new one numbered k, or — for a repeat purchase — the
 * household of an earlier application, followed back to the application that first sold to it.
 */
export function householdIndexOf(book: Book, k: number): number {
  let index = k;
  while (isRepeatPurchase(book, index)) index = earlierPurchase(book, index);
  return index;
}

/** The sale that first brought household h in; it also fixes the household's branch. */
function firstSale(book: Book, h: number): Sale {
  const rng = Rng.of(book.seed, Stream.sale, h);
  const channel = CHANNELS.pick(rng);
  const seller = book.directory.pickQualified(rng, SELLER_KIND[channel], book.schedule.dayOf(h));
  return { channel, seller };
}

/** Who buys application k, through whom, and the branch the household belongs to. */
export interface Purchase {
  householdIndex: number;
  sale: Sale;
  homeBranch: Branch;
}

/** A seller once qualified stays so: the household's first seller can sell to it again. */
export function purchaseOf(book: Book, k: number): Purchase {
  const householdIndex = householdIndexOf(book, k);
  const first = firstSale(book, householdIndex);
  const homeBranch = first.seller.branch;
  if (householdIndex === k) return { householdIndex, sale: first, homeBranch };
  const rng = Rng.of(book.seed, Stream.sale, k);
  if (rng.chance(SAME_SELLER_SHARE)) return { householdIndex, sale: first, homeBranch };
  const channel = CHANNELS.pick(rng);
  const seller = book.directory.pickQualified(rng, SELLER_KIND[channel], book.schedule.dayOf(k), homeBranch);
  return { householdIndex, sale: { channel, seller }, homeBranch };
}

export function householdOf(book: Book, purchase: Purchase): Household {
  return new Household(book.seed, purchase.householdIndex, purchase.homeBranch, book.fromDay);
}
