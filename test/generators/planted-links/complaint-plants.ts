/**
 * COMPLAINT_RECHECK (P5.14, INTERCHANGE §2a): every policy of a seller with two or more verified
 * misleading-sales complaints verified in the twelve months ending on the scan day — and the
 * complaints that do not count.
 */
import type { ComplaintRecord } from '../../../src/shared/contract.js';
import type { Book, Draft } from './book.js';
import { holding } from './holders.js';
import { addDays, addYears } from './people.js';
import type { Register, Seller, SellerKind } from './register.js';
import { customerForm } from './seller-plants.js';

export const KIND = {
  recheck: 'COMPLAINT_RECHECK: two or more verified misleading-sales complaints in a year',
  notCounting: 'complaints that do not make a re-check (no clue)',
  sellsAgain: 'next day: a seller under re-check sells again',
  verifiedLater: 'next day: a second complaint verified',
  recheckAndContact: 'COMPLAINT_RECHECK and AGENT_CONTACT on one policy',
} as const;

type Kind = ComplaintRecord['kind'];
const OTHER_KINDS: readonly Kind[] = ['service', 'claims', 'other'];

function newComplainedSeller(book: Book): Seller {
  const kind: SellerKind = book.dice.pick(['agent', 'agent', 'agent', 'bancassurance_specialist', 'agency']);
  return book.register.newSeller(kind);
}

/** Complaints that never count, added to any seller: not verified, or not about misleading sales. */
function noise(book: Book, seller: Seller): void {
  const { dice, register, scanDay } = book;
  for (let i = dice.int(0, 2); i > 0; i--) {
    if (dice.chance(0.5)) {
      register.complaint(seller, {
        kind: 'misleading_sales',
        verifiedOn: null,
        receivedOn: addDays(scanDay, -dice.int(1, 300)),
      });
    } else {
      register.complaint(seller, { kind: dice.pick(OTHER_KINDS), verifiedOn: addDays(scanDay, -dice.int(1, 300)) });
    }
  }
}

function policiesOf(
  book: Book,
  instance: ReturnType<Book['begin']>,
  seller: Seller,
  count: number,
  entered: 'before' | 'on' = 'before',
): Draft[] {
  return Array.from({ length: count }, () =>
    holding(book, instance, book.people.adult(), undefined, { seller, role: 'applicant', entered }),
  );
}

export function recheck(book: Book, i: number): void {
  const { dice, register, scanDay } = book;
  const seller = newComplainedSeller(book);
  const yearAgo = addYears(scanDay, -1);
  const within = () => addDays(scanDay, -dice.int(1, 330));
  const misleading = (verifiedOn: string, receivedOn?: string) =>
    register.complaint(seller, { kind: 'misleading_sales', verifiedOn, receivedOn });
  const variant = i % 5;
  let description: string;
  if (variant === 0) {
    misleading(within());
    misleading(within());
    description = 'two verified within the year';
  } else if (variant === 1) {
    for (let i = 0; i < 3; i++) misleading(within());
    description = 'three verified within the year';
  } else if (variant === 2) {
    misleading(addDays(yearAgo, 1));
    misleading(within());
    description = 'one verified a year less a day before the scan day';
  } else if (variant === 3) {
    misleading(addDays(scanDay, -dice.int(100, 300)), addDays(yearAgo, -dice.int(5, 40)));
    misleading(within());
    description = 'one received more than a year ago but verified within it';
  } else {
    misleading(scanDay, addDays(scanDay, -dice.int(3, 20)));
    misleading(within());
    description = 'one verified on the scan day itself';
  }
  noise(book, seller);
  // A seller at the edge of the window leaves it the next day: no new policies for them.
  const sellsAgain = variant !== 2 && i % 3 !== 0;
  const contact = i % 2 === 1;
  const kinds = [KIND.recheck, ...(sellsAgain ? [KIND.sellsAgain] : []), ...(contact ? [KIND.recheckAndContact] : [])];
  const instance = book.begin(kinds, `${seller.kind} ${seller.code}: ${description}`);
  const policies = policiesOf(book, instance, seller, dice.int(2, 5));
  if (contact) {
    // A customer of theirs uses the seller's own phone: two rules on one policy.
    const phone = seller.contacts.find((c) => c.owner === 'self' && c.kind === 'phone');
    if (!phone) throw new Error('a seller without a phone');
    phone.taken = true;
    const policy = holding(book, instance, book.people.adult(), customerForm(book, phone), { seller });
    policies.push(policy);
    book.link(instance, 'AGENT_CONTACT', [policy]);
  }
  const key = book.link(instance, 'COMPLAINT_RECHECK', policies);
  if (sellsAgain) {
    const later = policiesOf(book, instance, seller, dice.int(1, 2), 'on');
    book.link(instance, 'COMPLAINT_RECHECK', [...policies, ...later], { day: 'next', items: later, key });
  }
}

export function notCounting(book: Book, i: number): void {
  const { dice, register, scanDay } = book;
  const seller = newComplainedSeller(book);
  const yearAgo = addYears(scanDay, -1);
  const within = () => addDays(scanDay, -dice.int(1, 330));
  const misleading = (verifiedOn: string | null, receivedOn?: string) =>
    register.complaint(seller, { kind: 'misleading_sales', verifiedOn, receivedOn });
  const variant = i % 5;
  let description: string;
  if (variant === 0) {
    misleading(within());
    description = 'one verified';
  } else if (variant === 1) {
    misleading(within());
    misleading(null, addDays(scanDay, -dice.int(1, 200)));
    description = 'one verified, one not';
  } else if (variant === 2) {
    misleading(within());
    register.complaint(seller, { kind: dice.pick(OTHER_KINDS), verifiedOn: within() });
    description = 'one verified, and one of another kind';
  } else if (variant === 3) {
    misleading(addDays(yearAgo, -dice.int(1, 200)));
    misleading(within());
    description = 'two verified more than a year apart';
  } else {
    misleading(yearAgo);
    misleading(within());
    description = 'one verified exactly a year before the scan day';
  }
  noise(book, seller);
  const instance = book.begin([KIND.notCounting], `${seller.kind} ${seller.code}: ${description}`);
  policiesOf(book, instance, seller, dice.int(2, 4));
  if (dice.chance(0.3)) policiesOf(book, instance, seller, 1, 'on');
}

/** A complaint received before the first scan and verified on the scan day, sent again after it. */
export function verifiedLater(book: Book): void {
  const { dice, register, scanDay } = book;
  const seller = newComplainedSeller(book);
  register.complaint(seller, { kind: 'misleading_sales', verifiedOn: addDays(scanDay, -dice.int(20, 300)) });
  const pending = register.complaint(seller, {
    kind: 'misleading_sales',
    verifiedOn: null,
    receivedOn: addDays(scanDay, -dice.int(3, 15)),
  });
  register.verifyLater(pending, scanDay);
  noise(book, seller);
  const instance = book.begin(
    [KIND.verifiedLater],
    `${seller.kind} ${seller.code}: ${pending.complaintNo} verified on the scan day`,
  );
  const policies = [
    ...policiesOf(book, instance, seller, dice.int(2, 4)),
    ...policiesOf(book, instance, seller, dice.int(0, 1), 'on'),
  ];
  book.link(instance, 'COMPLAINT_RECHECK', policies, { day: 'next' });
}

/** Ordinary sellers' complaints: at most one that could count, so none is under re-check. */
export function ordinaryComplaints(register: Register, sellers: readonly Seller[], book: Book): void {
  const { dice, scanDay } = book;
  for (const seller of sellers) {
    const roll = dice.int(0, 9);
    if (roll < 6) continue;
    if (roll < 8) noise(book, seller);
    else register.complaint(seller, { kind: 'misleading_sales', verifiedOn: addDays(scanDay, -dice.int(1, 300)) });
  }
}
