/**
 * AGENT_CONTACT (P5.11): a customer's phone or address is a seller's own or a registered
 * relative's — the selling seller's or any other's; and the seller buying for themself, which is not.
 */
import type { Book, Draft, Instance } from './book.js';
import { holding } from './holders.js';
import type { Person } from './people.js';
import type { SellerContact } from './register.js';
import { addressForms, phoneForms } from './values.js';

export const KIND = {
  ownPhone: "AGENT_CONTACT: the selling seller's own phone",
  relativePhone: "AGENT_CONTACT: the selling seller's relative's phone",
  address: "AGENT_CONTACT: a seller's or a relative's address",
  otherSeller: "AGENT_CONTACT: another seller's contact",
  sellerAndCustomer: 'a seller buying for themself, and another customer, on one phone',
  sellerBuysOwn: 'a seller buying their own policy with their own phone (no clue)',
} as const;

/** Forms of the contact other than the register's and each other, so equality is on the normalized value. */
export function customerForms(book: Book, contact: SellerContact, count: number): string[] {
  const all = contact.phone
    ? phoneForms(book.dice, contact.phone, 8)
    : addressForms(book.dice, contact.address ?? '', 7);
  const forms = all
    .map((f) => f.text)
    .filter((text, i, list) => text !== contact.registered && list.indexOf(text) === i);
  return Array.from({ length: count }, (_, i) => forms[i % forms.length] as string);
}

/** One form of the contact other than the register's. */
export function customerForm(book: Book, contact: SellerContact): string {
  return customerForms(book, contact, 1)[0] as string;
}

/**
 * A customer uses the contact: one policy, or (variants) a family on one policy both holding it,
 * or two customers on two policies — who then also share a phone.
 */
function useContact(book: Book, i: number, instance: Instance, contact: SellerContact, sellingIsOwner: boolean): void {
  const { people, register } = book;
  const seller = sellingIsOwner ? contact.seller : register.otherSeller(contact.seller);
  const variant = i % 5;
  const [first, second] = customerForms(book, contact, 2) as [string, string];
  const hold = (person: Person, text: string, entered: 'before' | 'on' = 'before') =>
    contact.kind === 'phone'
      ? holding(book, instance, person, text, { seller, entered })
      : holding(book, instance, person, undefined, { seller, address: text, role: 'applicant', entered });
  if (variant < 3) {
    const policy = hold(people.adult(), first);
    book.link(instance, 'AGENT_CONTACT', [policy]);
    instance.variant += `: "${first}"`;
    return;
  }
  if (variant === 3) {
    // Applicant and spouse on one policy both hold it: one item; family, so no SHARED_PHONE.
    const applicant = people.adult();
    const policy = book.policy(instance, {
      applicant:
        contact.kind === 'phone' ? { person: applicant, phones: [first] } : { person: applicant, address: first },
      insured:
        contact.kind === 'phone'
          ? { person: people.spouseOf(applicant), relation: 'spouse', phones: [second] }
          : { person: people.spouseOf(applicant), relation: 'spouse', address: second },
      seller,
    });
    book.link(instance, 'AGENT_CONTACT', [policy]);
    instance.variant += `, a couple on one policy: "${first}" / "${second}"`;
    return;
  }
  const policies: Draft[] = [hold(people.adult(), first), hold(people.adult(), second)];
  book.link(instance, 'AGENT_CONTACT', policies);
  if (contact.kind === 'phone') book.link(instance, 'SHARED_PHONE', policies);
  instance.variant += `, two customers: "${first}" / "${second}"`;
}

const describe = (c: SellerContact) =>
  `${c.seller.kind} ${c.owner === 'self' ? 'own' : "relative's"} ${c.phone ? `${c.phone.kind} phone` : 'address'}, register "${c.registered}"`;

export function ownPhone(book: Book, i: number): void {
  const contact = book.register.takeContact(
    (c) => c.owner === 'self' && c.kind === 'phone' && c.seller.person !== null,
  );
  useContact(book, i, book.begin([KIND.ownPhone], describe(contact)), contact, true);
}

export function relativePhone(book: Book, i: number): void {
  const contact = book.register.takeContact((c) => c.owner === 'relative' && c.kind === 'phone');
  useContact(book, i, book.begin([KIND.relativePhone], describe(contact)), contact, true);
}

export function address(book: Book, i: number): void {
  const sellingIsOwner = i % 5 < 3;
  const contact = book.register.takeContact(
    (c) => c.kind === 'address' && (sellingIsOwner ? c.seller.person !== null : true),
  );
  const instance = book.begin(
    [KIND.address],
    `${describe(contact)}, sold by ${sellingIsOwner ? 'that seller' : 'another'}`,
  );
  useContact(book, i, instance, contact, sellingIsOwner);
}

export function otherSeller(book: Book, i: number): void {
  const contact = book.register.takeContact(() => true);
  useContact(book, i, book.begin([KIND.otherSeller], `${describe(contact)}, sold by another seller`), contact, false);
}

/**
 * The seller as a customer with their own phone and address is no clue by themself; a different
 * customer with that phone is both an AGENT_CONTACT clue and, with the seller, a SHARED_PHONE one.
 */
export function sellerAndCustomer(book: Book): void {
  const { register, people } = book;
  const { seller, phone, address } = register.takeSellerAsCustomer();
  const person = seller.person as Person;
  const [own, other] = customerForms(book, phone, 2) as [string, string];
  const instance = book.begin([KIND.sellerAndCustomer], `${describe(phone)}: seller "${own}", customer "${other}"`);
  const sellers = book.policy(instance, {
    applicant: { person, phones: [own], address: customerForm(book, address) },
    seller,
  });
  const customer = holding(book, instance, people.adult(), other, {
    seller: book.dice.chance(0.5) ? seller : undefined,
  });
  book.link(instance, 'SHARED_PHONE', [sellers, customer]);
  book.link(instance, 'AGENT_CONTACT', [customer]);
}

/** A seller insures themself (or their family) on a policy they sell, with their own phone and address. */
export function sellerBuysOwn(book: Book): void {
  const { dice, people, register } = book;
  const { seller, phone, address } = register.takeSellerAsCustomer();
  const person = seller.person as Person;
  const count = dice.chance(0.3) ? 2 : 1;
  const lowerX = person.idNo.endsWith('X') && seller.record.idNo === person.idNo && dice.chance(0.7);
  const instance = book.begin(
    [KIND.sellerBuysOwn],
    `${describe(phone)}, ${count} polic${count === 1 ? 'y' : 'ies'}; register ID ${seller.record.idNo?.endsWith('x') ? 'with x' : 'as on the card'}${lowerX ? ', application with x' : ''}`,
  );
  for (let i = 0; i < count; i++) {
    const idNo = lowerX ? `${person.idNo.slice(0, 17)}x` : undefined;
    book.policy(instance, {
      applicant: {
        person,
        phones: [customerForm(book, phone)],
        address: dice.chance(0.6) ? customerForm(book, address) : undefined,
        idNo,
      },
      holderIdNo: idNo,
      insured: dice.chance(0.3) ? { person: people.spouseOf(person), relation: 'spouse' } : undefined,
      seller,
    });
  }
}
