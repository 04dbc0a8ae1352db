/**
 * What is not a clue (INTERCHANGE §4–5): one customer on many policies however the number and the
 * ID are written, a family sharing on a policy where they appear together, an address shared
 * without a seller behind it, and ordinary policies with contacts of their own.
 */
import { type Book, sharedAccountForms, sharedPhoneForms } from './book.js';
import { holding, household } from './holders.js';
import type { Person } from './people.js';
import { addressForms, writePhone } from './values.js';

export const KIND = {
  sameCustomer: 'one customer on many policies (no clue)',
  lowerCaseX: "one customer's ID written once with a lower-case x (no clue)",
  family: 'family on one policy sharing a phone or an account (no clue)',
  sharedAddress: 'an address shared without a seller (no clue)',
  unique: 'unique contacts (no clue)',
} as const;

/** How one policy writes a resident ID: as on the card, with a lower-case x, or with spaces. */
const withSpaces = (id: string) => `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;

export function sameCustomer(book: Book, i: number): void {
  const { dice, values, people } = book;
  const endsInX = i % 2 === 0;
  const person = people.adult({ endsInX });
  const count = dice.int(2, 5);
  const phone = values.phone(0.2);
  const phones = sharedPhoneForms(dice, phone, count);
  const accounts = sharedAccountForms(dice, values.account(), count);
  const lowerAt = endsInX ? dice.int(0, count - 1) : -1;
  const spacedAt = dice.chance(0.3) ? (lowerAt + 1) % count : -1;
  const kinds = endsInX ? [KIND.sameCustomer, KIND.lowerCaseX] : [KIND.sameCustomer];
  const instance = book.begin(
    kinds,
    `${count} policies: ${phones.join(' / ')}${endsInX ? '; ID once with x' : ''}${spacedAt >= 0 ? '; ID once with spaces' : ''}`,
  );
  for (let n = 0; n < count; n++) {
    const idNo = n === lowerAt ? `${person.idNo.slice(0, 17)}x` : n === spacedAt ? withSpaces(person.idNo) : undefined;
    // Applicant (paying from the one account), or now and then the insured of a spouse's policy.
    const role = n > 0 && dice.chance(0.25) ? 'insured' : 'applicant';
    holding(book, instance, person, phones[n], {
      role,
      idNo,
      account: role === 'applicant' ? accounts[n] : undefined,
    });
  }
}

/**
 * Spouse, child or parent (INTERCHANGE §5): applicant and insured sharing a phone; the two of them
 * paying their policies from one account; a beneficiary using the insured's phone and account on a
 * policy of their own; a minor child with the parent's phone.
 */
export function family(book: Book, i: number): void {
  const { dice, values, people } = book;
  const parent = people.adult({ minAge: 45, maxAge: 70 });
  const [relation, relative] = dice.pick([
    ['spouse', people.spouseOf(parent)],
    ['child', people.adultChildOf(parent)],
    ['parent', people.parentOf(parent)],
  ] as const);
  const inverse = relation === 'spouse' ? 'spouse' : relation === 'child' ? 'parent' : 'child';
  const phone = values.phone(0.3);
  const [a, b, c, d] = sharedPhoneForms(dice, phone, 4) as [string, string, string, string];
  const variant = i % 5;
  if (variant === 0) {
    const instance = book.begin([KIND.family], `applicant and insured (${relation}): "${a}" / "${b}"`);
    book.policy(instance, {
      applicant: { person: parent, phones: [a] },
      insured: { person: relative, relation, phones: [b] },
    });
  } else if (variant === 1) {
    const account = values.account();
    const [x, y] = sharedAccountForms(dice, account, 2) as [typeof account, typeof account];
    const instance = book.begin(
      [KIND.family],
      `two policies of a ${relation} pair, each the other's insured: "${a}" / "${b}" / "${c}" / "${d}", accounts "${x.accountNo}" / "${y.accountNo}"`,
    );
    book.policy(instance, {
      applicant: { person: parent, phones: [a] },
      insured: { person: relative, relation, phones: [b] },
      account: x,
    });
    book.policy(instance, {
      applicant: { person: relative, phones: [c] },
      insured: { person: parent, relation: inverse, phones: [d] },
      account: y,
    });
  } else if (variant === 2) {
    // The beneficiary (family of the insured) on a policy of their own with the insured's phone and account.
    const account = values.account();
    const [x, y] = sharedAccountForms(dice, account, 2) as [typeof account, typeof account];
    const instance = book.begin(
      [KIND.family],
      `beneficiary (${relation}) with the insured's phone and account: "${a}" / "${b}"`,
    );
    book.policy(instance, {
      applicant: { person: parent, phones: [a] },
      beneficiaries: [{ person: relative, relation }],
      account: x,
    });
    book.policy(instance, { applicant: { person: relative, phones: [b] }, account: y });
  } else if (variant === 3) {
    // Applicant, insured spouse and the spouse's child as beneficiary; the child later uses the insured's phone.
    const spouse = people.spouseOf(parent);
    const child = people.adultChildOf(parent);
    const instance = book.begin(
      [KIND.family],
      `insured spouse's phone used by the insured's child (beneficiary): "${a}" / "${b}"`,
    );
    book.policy(instance, {
      applicant: { person: parent },
      insured: { person: spouse, relation: 'spouse', phones: [a] },
      beneficiaries: [{ person: child, relation: 'child' }],
    });
    holding(book, instance, child, b, { role: 'applicant' });
  } else {
    const child = people.child(parent.name.charAt(0));
    const instance = book.begin(
      [KIND.family],
      `minor child ${child.withoutId ? 'without an ID number' : `on ${child.idType}`} with the parent's phone: "${a}" / "${b}"`,
    );
    book.policy(instance, {
      applicant: { person: parent, phones: [a] },
      insured: { person: child, relation: 'child', phones: [b], idNo: child.withoutId ? null : child.idNo },
      beneficiaries: [{ person: parent, relation: 'parent' }],
    });
  }
}

/** Two or three customers at one address: addresses only link to sellers (AGENT_CONTACT). */
export function sharedAddress(book: Book): void {
  const { dice, values, people } = book;
  const address = values.address();
  const forms = addressForms(dice, address, dice.int(2, 3));
  const instance = book.begin([KIND.sharedAddress], forms.map((f) => f.text).join(' / '));
  for (const form of forms)
    holding(book, instance, people.adult(), undefined, { role: 'applicant', address: form.text });
}

/** An ordinary policy: every value its own. */
export function unique(book: Book, entered: 'before' | 'on'): void {
  const { dice, values, people } = book;
  const instance = book.begin([KIND.unique], entered === 'on' ? 'entered on the scan day' : 'ordinary');
  const applicant: Person = people.adult();
  const home = values.address();
  book.policy(instance, {
    applicant: { person: applicant, address: home, phones: [writePhone(dice, values.phone())] },
    ...household(book, applicant, home),
    account: dice.chance(0.05) ? null : undefined,
    entered,
  });
}
