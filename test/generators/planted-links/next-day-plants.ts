/**
 * The next day's scan (P5.7: T+1) takes what was entered on the first scan's day and compares it
 * with the whole book: new links, links that grow, cleared links (INTERCHANGE §5) and links that
 * do not arise.
 */
import { type Book, type Draft, sharedAccountForms, sharedPhoneForms } from './book.js';
import { holding } from './holders.js';
import { customerForms } from './seller-plants.js';

export const KIND = {
  newLink: 'next day: a new customer shares with an old one',
  joins: 'next day: a new customer joins a link',
  sameOrFamily: 'next day: the same customer, or family, again (no clue)',
  agentContact: "next day: a seller's contact",
  cleared: 'next day: a cleared link',
} as const;

type Value =
  | { rule: 'SHARED_PHONE'; forms: string[] }
  | { rule: 'SHARED_ACCOUNT'; forms: Array<{ bankCode: string; accountNo: string }> };

function sharedValue(book: Book, i: number, count: number): Value {
  const { dice, values } = book;
  return i % 3 !== 2
    ? { rule: 'SHARED_PHONE', forms: sharedPhoneForms(dice, values.phone(0.2), count) }
    : { rule: 'SHARED_ACCOUNT', forms: sharedAccountForms(dice, values.account(), count) };
}

const describe = (value: Value) =>
  `${value.rule}: ${value.forms.map((f) => (typeof f === 'string' ? f : f.accountNo)).join(' / ')}`;

/** The i-th holder of the value: a phone on either role, an account on the applicant who pays. */
function hold(
  book: Book,
  instance: ReturnType<Book['begin']>,
  value: Value,
  i: number,
  person = book.people.adult(),
  entered: 'before' | 'on' = 'before',
): Draft {
  return value.rule === 'SHARED_PHONE'
    ? holding(book, instance, person, value.forms[i], { entered })
    : holding(book, instance, person, undefined, { role: 'applicant', account: value.forms[i], entered });
}

export function newLink(book: Book, i: number): void {
  const value = sharedValue(book, i, 2);
  const instance = book.begin([KIND.newLink], describe(value));
  const old = hold(book, instance, value, 0);
  const fresh = hold(book, instance, value, 1, undefined, 'on');
  book.link(instance, value.rule, [old, fresh], { day: 'next' });
}

export function joins(book: Book, i: number): void {
  const count = book.dice.int(2, 3);
  const value = sharedValue(book, i, count + 1);
  const instance = book.begin([KIND.joins], describe(value));
  const old = Array.from({ length: count }, (_, i) => hold(book, instance, value, i));
  const key = book.link(instance, value.rule, old);
  const fresh = hold(book, instance, value, count, undefined, 'on');
  book.link(instance, value.rule, [...old, fresh], { day: 'next', items: [fresh], key });
}

export function sameOrFamily(book: Book, i: number): void {
  const { people } = book;
  const value = sharedValue(book, i, 3);
  const person = people.adult();
  if (value.rule === 'SHARED_ACCOUNT' || i % 2 === 0) {
    const instance = book.begin([KIND.sameOrFamily], `the same customer: ${describe(value)}`);
    hold(book, instance, value, 0, person);
    hold(book, instance, value, 1, person, 'on');
    return;
  }
  // The spouse's new policy insures the old customer; both give the phone.
  const spouse = people.spouseOf(person);
  const instance = book.begin([KIND.sameOrFamily], `the spouse's policy insuring them: ${describe(value)}`);
  holding(book, instance, person, value.forms[0], { role: 'applicant' });
  book.policy(instance, {
    applicant: { person: spouse, phones: [value.forms[1] as string] },
    insured: { person, relation: 'spouse', phones: [value.forms[2] as string] },
    entered: 'on',
  });
}

/** A new customer with a seller's contact; or one joining an older customer who had it. */
export function agentContact(book: Book, i: number): void {
  const { dice, register, people } = book;
  const contact = register.takeContact((c) => c.seller.person !== null || c.kind === 'phone');
  const seller = dice.chance(0.5) ? contact.seller : register.otherSeller(contact.seller);
  const [first, second] = customerForms(book, contact, 2) as [string, string];
  const onPolicy = (text: string, entered: 'before' | 'on') =>
    contact.kind === 'phone'
      ? holding(book, instance, people.adult(), text, { seller, entered })
      : holding(book, instance, people.adult(), undefined, { seller, role: 'applicant', address: text, entered });
  const joining = i % 2 === 0;
  const instance = book.begin(
    [KIND.agentContact],
    `${contact.owner === 'self' ? 'own' : "relative's"} ${contact.kind} of ${contact.seller.code}, register "${contact.registered}": ${joining ? `"${first}" before, "${second}" on the day` : `"${second}" on the day`}`,
  );
  if (!joining) {
    book.link(instance, 'AGENT_CONTACT', [onPolicy(second, 'on')], { day: 'next' });
    return;
  }
  const old = onPolicy(first, 'before');
  const key = book.link(instance, 'AGENT_CONTACT', [old]);
  const fresh = onPolicy(second, 'on');
  book.link(instance, 'AGENT_CONTACT', [old, fresh], { day: 'next', items: [fresh], key });
  // Two different customers on one phone: a new SHARED_PHONE link, both policies get an item.
  if (contact.kind === 'phone') book.link(instance, 'SHARED_PHONE', [old, fresh], { day: 'next' });
}

/**
 * A link cleared as legitimate after the first scan is not raised again for its members; a new
 * customer opens it again, and every policy of it without an item gets one.
 */
export function cleared(book: Book, i: number): void {
  const { dice, people } = book;
  const value = sharedValue(book, i, 4);
  const members = [people.adult(), people.adult()];
  const variant = i % 3;
  const again = variant !== 1;
  const newcomer = variant !== 0;
  const instance = book.begin(
    [KIND.cleared],
    `${describe(value)}; on the day: ${[again && 'a member again', newcomer && 'a new customer'].filter(Boolean).join(' and ')}`,
  );
  const old = members.map((m, i) => hold(book, instance, value, i, m));
  const key = book.link(instance, value.rule, old);
  book.clearAfterFirstScan(value.rule, old[0] as Draft);
  const later: Draft[] = [];
  if (again) later.push(hold(book, instance, value, 2, members[dice.int(0, 1)], 'on'));
  if (newcomer) {
    later.push(hold(book, instance, value, 3, undefined, 'on'));
    book.link(instance, value.rule, [...old, ...later], { day: 'next', items: later, key });
  }
}
