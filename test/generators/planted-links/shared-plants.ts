/** SHARED_PHONE and SHARED_ACCOUNT (INTERCHANGE §5): one value on two or more different customers. */
import { type Book, type Draft, sharedAccountForms, sharedPhoneForms } from './book.js';
import { holding, NOT_FAMILY } from './holders.js';
import type { Person } from './people.js';

export const KIND = {
  phonePair: 'SHARED_PHONE: two customers',
  phoneMany: 'SHARED_PHONE: three or more customers',
  landline: 'SHARED_PHONE: a landline',
  notFamily: 'SHARED_PHONE: parties of one policy who are not family',
  familyAndOutsider: 'shared by a family and an outsider',
  account: 'SHARED_ACCOUNT',
  flood: 'flood: more households than FLOOD_HOUSEHOLDS on one value',
  tenHouseholds: 'exactly FLOOD_HOUSEHOLDS households: not a flood',
  floodGrows: 'next day: a flood grows',
  crossesIntoFlood: 'next day: a link crosses into a flood',
} as const;

export function phonePair(book: Book): void {
  const { dice, values, people } = book;
  const phone = values.phone(0.1);
  const [a, b] = sharedPhoneForms(dice, phone, 2) as [string, string];
  const instance = book.begin([KIND.phonePair], `${phone.kind}: "${a}" / "${b}"`);
  const policies = [holding(book, instance, people.adult(), a), holding(book, instance, people.adult(), b)];
  book.link(instance, 'SHARED_PHONE', policies);
}

/** Three to six customers, some on two policies each. */
export function phoneMany(book: Book): void {
  const { dice, values, people } = book;
  const phone = values.phone(0.1);
  const customers = Array.from({ length: dice.int(3, 6) }, () => people.adult());
  const holdings = customers.flatMap((c) => (dice.chance(0.25) ? [c, c] : [c]));
  const forms = sharedPhoneForms(dice, phone, holdings.length);
  const instance = book.begin(
    [KIND.phoneMany],
    `${customers.length} customers on ${holdings.length} policies: ${forms.join(' / ')}`,
  );
  const policies = holdings.map((c, i) => holding(book, instance, c, forms[i]));
  book.link(instance, 'SHARED_PHONE', policies);
}

export function landline(book: Book): void {
  const { dice, values, people } = book;
  const phone = values.landline();
  const count = dice.int(2, 4);
  const forms = sharedPhoneForms(dice, phone, count);
  const instance = book.begin([KIND.landline], forms.join(' / '));
  const policies = forms.map((form) => holding(book, instance, people.adult(), form));
  book.link(instance, 'SHARED_PHONE', policies);
}

/**
 * Parties of one policy who are not spouse, child or parent sharing a phone are two households:
 * the insured (other_relative, employer, other), or a beneficiary who is no family and uses the
 * applicant's phone on a policy of their own.
 */
export function notFamily(book: Book, i: number): void {
  const { dice, values, people } = book;
  const phone = values.phone(0.2);
  const [a, b] = sharedPhoneForms(dice, phone, 2) as [string, string];
  const applicant = people.adult();
  const other = people.adult();
  const relation = dice.pick(NOT_FAMILY);
  if (i % 5 < 3) {
    const instance = book.begin([KIND.notFamily], `insured ${relation}: "${a}" / "${b}"`);
    const policy = book.policy(instance, {
      applicant: { person: applicant, phones: [a] },
      insured: { person: other, relation, phones: [b] },
    });
    book.link(instance, 'SHARED_PHONE', [policy]);
    return;
  }
  const instance = book.begin(
    [KIND.notFamily],
    `beneficiary ${relation} uses the phone on their own policy: "${a}" / "${b}"`,
  );
  const first = book.policy(instance, {
    applicant: { person: applicant, phones: [a] },
    beneficiaries: [{ person: other, relation }],
  });
  const second = holding(book, instance, other, b, { role: 'applicant' });
  book.link(instance, 'SHARED_PHONE', [first, second]);
}

/** A family sharing a phone (or an account) is no clue; an outsider with it makes every policy of it one. */
export function familyAndOutsider(book: Book, i: number): void {
  const { dice, values, people } = book;
  const parent = people.adult({ minAge: 45, maxAge: 70 });
  const [relation, relative] = dice.pick([
    ['spouse', people.spouseOf(parent)],
    ['child', people.adultChildOf(parent)],
    ['parent', people.parentOf(parent)],
  ] as const);
  if (i % 2 === 0) {
    const phone = values.phone(0.2);
    const [a, b, c] = sharedPhoneForms(dice, phone, 3) as [string, string, string];
    const instance = book.begin(
      [KIND.familyAndOutsider],
      `phone, insured ${relation}: "${a}" / "${b}" / outsider "${c}"`,
    );
    const family = book.policy(instance, {
      applicant: { person: parent, phones: [a] },
      insured: { person: relative, relation, phones: [b] },
    });
    const outsider = holding(book, instance, people.adult(), c);
    book.link(instance, 'SHARED_PHONE', [family, outsider]);
    return;
  }
  // The account: each pays their own policy on which the other is the insured; an outsider pays a third.
  const account = values.account();
  const [a, b, c] = sharedAccountForms(dice, account, 3) as [typeof account, typeof account, typeof account];
  const instance = book.begin(
    [KIND.familyAndOutsider],
    `account, ${relation}: "${a.accountNo}" / "${b.accountNo}" / outsider "${c.accountNo}"`,
  );
  const inverse = relation === 'spouse' ? 'spouse' : relation === 'child' ? 'parent' : 'child';
  const first = book.policy(instance, {
    applicant: { person: parent },
    insured: { person: relative, relation },
    account: a,
  });
  const second = book.policy(instance, {
    applicant: { person: relative },
    insured: { person: parent, relation: inverse },
    account: b,
  });
  const outsider = holding(book, instance, people.adult(), undefined, { role: 'applicant', account: c });
  book.link(instance, 'SHARED_ACCOUNT', [first, second, outsider]);
}

/** Two to four applicants paying from one account, one of them perhaps on two policies. */
export function sharedAccount(book: Book): void {
  const { dice, values, people } = book;
  const account = values.account();
  const customers = Array.from({ length: dice.int(2, 4) }, () => people.adult());
  const payers = customers.flatMap((c) => (dice.chance(0.2) ? [c, c] : [c]));
  const forms = sharedAccountForms(dice, account, payers.length);
  const instance = book.begin(
    [KIND.account],
    `${customers.length} applicants: ${forms.map((f) => f.accountNo).join(' / ')}`,
  );
  const policies = payers.map((c, i) =>
    holding(book, instance, c, undefined, { role: 'applicant', account: forms[i] as typeof account }),
  );
  book.link(instance, 'SHARED_ACCOUNT', policies);
}

/**
 * One number on `households` households: single customers (some on two policies) and couples
 * sharing it on one policy, which count once. Returns the policies.
 */
function households(
  book: Book,
  instance: ReturnType<Book['begin']>,
  count: number,
  couples: number,
  forms: () => string,
) {
  const { dice, people } = book;
  const policies: Draft[] = [];
  for (let h = 0; h < count; h++) {
    if (h < couples) {
      const applicant = people.adult();
      policies.push(
        book.policy(instance, {
          applicant: { person: applicant, phones: [forms()] },
          insured: { person: people.spouseOf(applicant), relation: 'spouse', phones: [forms()] },
        }),
      );
      continue;
    }
    const person: Person = people.adult();
    policies.push(holding(book, instance, person, forms()));
    if (dice.chance(0.15)) policies.push(holding(book, instance, person, forms()));
  }
  return policies;
}

function cyclingForms(book: Book, phone: ReturnType<Book['values']['phone']>): () => string {
  const forms = sharedPhoneForms(book.dice, phone, 12);
  let i = 0;
  return () => forms[i++ % forms.length] as string;
}

/** A switchboard or a hospital: more than FLOOD_HOUSEHOLDS households raise one item, not a flood. */
export function flood(book: Book, i: number, floodHouseholds: number): void {
  const { dice, values, people } = book;
  const phone = dice.chance(0.6) ? values.landline() : values.mobile();
  const count = floodHouseholds + dice.int(1, 3);
  const couples = dice.int(0, 2);
  const grows = i % 2 === 0;
  const kinds = grows ? [KIND.flood, KIND.floodGrows] : [KIND.flood];
  const instance = book.begin(
    kinds,
    `${phone.kind}, ${count} households (${couples} couples)${grows ? ', one more the next day' : ''}`,
  );
  const forms = cyclingForms(book, phone);
  const policies = households(book, instance, count, couples, forms);
  book.link(instance, 'SHARED_PHONE', policies, { items: 'flood' });
  // The next day someone new joins it: the one item grows, no item is added.
  if (grows) holding(book, instance, people.adult(), forms(), { entered: 'on' });
}

/** Exactly FLOOD_HOUSEHOLDS households, though more customers: every policy gets its item. */
export function tenHouseholds(book: Book, i: number, floodHouseholds: number): void {
  const { dice, values, people } = book;
  const phone = dice.chance(0.5) ? values.landline() : values.mobile();
  const couples = dice.int(1, 3);
  const crosses = i % 2 === 0;
  const kinds = crosses ? [KIND.tenHouseholds, KIND.crossesIntoFlood] : [KIND.tenHouseholds];
  const instance = book.begin(
    kinds,
    `${phone.kind}, ${floodHouseholds} households of ${floodHouseholds + couples} customers${crosses ? ', one more household the next day' : ''}`,
  );
  const forms = cyclingForms(book, phone);
  const policies = households(book, instance, floodHouseholds, couples, forms);
  book.link(instance, 'SHARED_PHONE', policies);
  // The next day an 11th household makes it a flood: its items exist, none is added.
  if (crosses) holding(book, instance, people.adult(), forms(), { entered: 'on' });
}
