/** Building blocks of plants: a person holding a value on a policy, and the ordinary family around them. */
import type { Relation } from '../../../src/shared/contract.js';
import type { Book, Draft, Entered, Instance, PolicySpec } from './book.js';
import type { Person } from './people.js';
import type { Seller } from './register.js';
import { writePhone } from './values.js';

/** The rest of an ordinary policy around its applicant: insured and beneficiaries, all with contacts of their own. */
export function household(book: Book, applicant: Person, home: string): Pick<PolicySpec, 'insured' | 'beneficiaries'> {
  const { dice, people, values } = book;
  const shape = dice.int(0, 9);
  if (shape < 3) return {};
  if (shape < 5) {
    const spouse = people.spouseOf(applicant);
    return { beneficiaries: [{ person: spouse, relation: 'spouse' }] };
  }
  if (shape < 7) {
    const spouse = people.spouseOf(applicant);
    const phones = dice.chance(0.7) ? [writePhone(dice, values.phone())] : undefined;
    return { insured: { person: spouse, relation: 'spouse', phones, address: home } };
  }
  if (shape < 8) {
    const parent = people.parentOf(applicant);
    return {
      insured: { person: parent, relation: 'parent', address: home, phones: [writePhone(dice, values.phone(0.4))] },
      beneficiaries: [{ person: applicant, relation: 'child' }],
    };
  }
  const child = people.child(applicant.name.charAt(0));
  return {
    insured: { person: child, relation: 'child', address: home, idNo: child.withoutId ? null : child.idNo },
    beneficiaries: [{ person: applicant, relation: 'parent' }],
  };
}

export interface HoldOptions {
  role?: 'applicant' | 'insured';
  entered?: Entered;
  seller?: Seller;
  /** The account as written (the holder pays when applicant); default a new one. */
  account?: { bankCode: string; accountNo: string } | null;
  address?: string;
  /** The holder's ID number as written. */
  idNo?: string;
}

/** Relations of an applicant to an insured who is not their family (INTERCHANGE §5: no household). */
export const NOT_FAMILY: readonly Relation[] = ['other_relative', 'employer', 'other'];

/**
 * A policy on which `person` holds `phone` (as written) — as applicant, or as the insured of
 * someone else whose own contacts are new. Returns the draft.
 */
export function holding(
  book: Book,
  instance: Instance,
  person: Person,
  phone: string | undefined,
  options: HoldOptions = {},
): Draft {
  const { dice, people, values } = book;
  const role = options.role ?? (dice.chance(0.7) ? 'applicant' : 'insured');
  const home = options.address ?? values.address();
  const phones =
    phone === undefined ? undefined : dice.chance(0.15) ? [phone, writePhone(dice, values.phone())] : [phone];
  if (role === 'applicant') {
    return book.policy(instance, {
      applicant: { person, phones, address: home, idNo: options.idNo },
      ...household(book, person, home),
      account: options.account,
      holderIdNo: options.idNo,
      seller: options.seller,
      entered: options.entered,
    });
  }
  const spouse = dice.chance(0.6);
  const applicant = spouse ? people.spouseOf(person) : people.adult();
  return book.policy(instance, {
    applicant: { person: applicant, address: home },
    insured: {
      person,
      relation: spouse ? 'spouse' : dice.pick(NOT_FAMILY),
      phones: phones ?? [writePhone(dice, values.phone())],
      address: home,
      idNo: options.idNo,
    },
    beneficiaries: dice.chance(0.5) ? [{ person: applicant, relation: spouse ? 'spouse' : 'other' }] : [],
    account: options.account === null ? null : undefined,
    seller: options.seller,
    entered: options.entered,
  });
}
