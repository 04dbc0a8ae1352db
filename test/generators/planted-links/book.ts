/**
 * Drafts of the planted-links book: applications as plants build them, the links each plant
 * expects the scan to raise, and the numbering that turns them into a book.
 */
import type { Relation } from '../../../src/shared/contract.js';
import type { Dice } from './dice.js';
import { addDays, type People, type Person } from './people.js';
import type { Register, Seller } from './register.js';
import { accountForms, phoneForms, type Values, writePhone } from './values.js';

/** The scan's rules (INTERCHANGE §5). */
export type Rule = 'SHARED_PHONE' | 'SHARED_ACCOUNT' | 'AGENT_CONTACT' | 'COMPLAINT_RECHECK';

/** Entered before the scan day (the first scan's), or on it (the next day's scan). */
export type Entered = 'before' | 'on';

export interface PartyRecord {
  name: string;
  gender: 'M' | 'F';
  birthDate: string;
  idType: 'RESIDENT_ID' | 'BIRTH_CERTIFICATE';
  idNo?: string | null;
  address?: string;
  phones?: string[];
  email?: string | null;
}

export interface LinkApplication {
  policyNo: string;
  channel: 'agent' | 'bancassurance' | 'agency';
  agentCode: string | null;
  agencyCode: string | null;
  branchCode: string;
  productCode: string;
  productType: string;
  termMonths: number;
  appliedAt: string;
  receiptSignedAt: string | null;
  premium: { amount: string; currency: string; frequency: string };
  payerAccount: {
    bankCode: string;
    accountNo: string;
    holderName: string;
    holderIdType: string;
    holderIdNo: string;
  } | null;
  applicant: PartyRecord & { address: string; phones: string[] };
  insured: { relationToApplicant: 'self' } | (PartyRecord & { relationToApplicant: Relation });
  beneficiaries: Array<{
    name: string;
    idType: string;
    idNo: string;
    relationToInsured: Relation;
    sharePct: number;
  }>;
}

/** One planted case: what kinds it counts as, and what exactly it did. */
export interface Instance {
  id: number;
  kinds: string[];
  variant: string;
  drafts: Draft[];
}

export interface Draft {
  record: LinkApplication;
  entered: Entered;
  instance: Instance;
  /** China time of appliedAt, for the numbering. */
  instant: number;
}

/** A link the scan must raise on one of the two days, with the items that day adds. */
export interface DraftLink {
  /** Same key on both days: the same link (one linkId). */
  key: string;
  rule: Rule;
  day: 'first' | 'next';
  /** Every policy of the link as of that scan: each item lists the others as related. */
  policies: Draft[];
  /** The policies that get an item that day; `flood`: only the first policy (by number) of `policies` does. */
  items: Draft[] | 'flood';
  instance: Instance;
}

export interface PartySpec {
  person: Person;
  /** Phones as written; default: one new number. */
  phones?: string[];
  address?: string;
  /** The ID number as written, when not as on the card. */
  idNo?: string | null;
}

export interface PolicySpec {
  applicant: PartySpec;
  insured?: PartySpec & { relation: Relation };
  beneficiaries?: Array<{ person: Person; relation: Relation; idNo?: string }>;
  /** The account as written; default: a new account of the applicant's. null: no payer account. */
  account?: { bankCode: string; accountNo: string } | null;
  /** The holder's ID number as written on the account. */
  holderIdNo?: string;
  seller?: Seller;
  entered?: Entered;
}

const PRODUCTS = [
  ['WL-20', 'traditional_life', 240],
  ['CI-30', 'health', 360],
  ['PAR-10', 'participating', 120],
  ['UNV-5', 'universal', 60],
  ['ACC-1', 'accident', 12],
  ['UL-10', 'unit_linked', 120],
] as const;

const CHANNEL_OF = { agent: 'agent', bancassurance_specialist: 'bancassurance', agency: 'agency' } as const;

export class Book {
  readonly drafts: Draft[] = [];
  readonly links: DraftLink[] = [];
  readonly instances: Instance[] = [];
  /** Links the back office clears as legitimate after the first scan: (rule, a policy of the link). */
  readonly cleared: Array<{ rule: Rule; draft: Draft }> = [];
  private linkSeq = 0;

  constructor(
    readonly dice: Dice,
    readonly values: Values,
    readonly people: People,
    readonly register: Register,
    /** Day D: the first scan runs as of D over what was entered before it. */
    readonly scanDay: string,
    /** How many days before D the book's applications spread over. */
    readonly spreadDays: number,
  ) {}

  begin(kinds: string[], variant: string): Instance {
    const instance: Instance = { id: this.instances.length + 1, kinds, variant, drafts: [] };
    this.instances.push(instance);
    return instance;
  }

  /** A gate-clean application; every value not given is new to the book. */
  policy(instance: Instance, spec: PolicySpec): Draft {
    const dice = this.dice;
    const entered = spec.entered ?? 'before';
    const seller = spec.seller ?? this.register.anySeller();
    const channel = CHANNEL_OF[seller.kind];
    const { appliedAt, instant, day } = this.appliedAt(entered);
    const [productCode, productType, termMonths] = dice.pick(PRODUCTS);
    const applicant = spec.applicant.person;
    const account = spec.account === undefined ? this.values.account() : spec.account;
    const record: LinkApplication = {
      policyNo: '',
      channel,
      agentCode: channel === 'agency' ? null : seller.code,
      agencyCode: channel === 'agency' ? seller.code : null,
      branchCode: seller.record.branchCode ?? 'GD-GZ',
      productCode,
      productType,
      termMonths,
      appliedAt,
      receiptSignedAt: dice.chance(0.3) ? `${addDays(day, dice.int(0, 3))}T16:00:00+08:00` : null,
      premium: { amount: `${dice.int(12, 300)}00.00`, currency: 'CNY', frequency: 'annual' },
      payerAccount: account && {
        bankCode: account.bankCode,
        accountNo: account.accountNo,
        holderName: applicant.name,
        holderIdType: applicant.idType,
        holderIdNo: spec.holderIdNo ?? applicant.idNo,
      },
      applicant: {
        ...this.party(spec.applicant),
        address: spec.applicant.address ?? this.values.address(),
        phones: spec.applicant.phones ?? [writePhone(dice, this.values.phone())],
        email: null,
      },
      insured: spec.insured
        ? { relationToApplicant: spec.insured.relation, ...this.party(spec.insured) }
        : { relationToApplicant: 'self' },
      beneficiaries: (spec.beneficiaries ?? []).map((b, i, all) => ({
        name: b.person.name,
        idType: b.person.idType,
        idNo: b.idNo ?? b.person.idNo,
        relationToInsured: b.relation,
        sharePct: i < all.length - 1 ? Math.floor(100 / all.length) : 100 - Math.floor(100 / all.length) * i,
      })),
    };
    const draft: Draft = { record, entered, instance, instant };
    instance.drafts.push(draft);
    this.drafts.push(draft);
    return draft;
  }

  private party(spec: PartySpec): PartyRecord {
    const p = spec.person;
    const party: PartyRecord = { name: p.name, gender: p.gender, birthDate: p.birthDate, idType: p.idType };
    if (spec.idNo !== null) party.idNo = spec.idNo ?? p.idNo;
    if (spec.address !== undefined) party.address = spec.address;
    if (spec.phones !== undefined) party.phones = spec.phones;
    return party;
  }

  /**
   * appliedAt in the forms the contract allows: +08:00, no offset (China time) or UTC — whose
   * calendar date may be the day before the China date (INTERCHANGE §1, §5 day T).
   */
  private appliedAt(entered: Entered): { appliedAt: string; instant: number; day: string } {
    const dice = this.dice;
    const day = entered === 'on' ? this.scanDay : addDays(this.scanDay, -dice.int(1, this.spreadDays));
    const edge = dice.chance(0.1);
    const minute = edge
      ? dice.pick([dice.int(0, 20), dice.int(23 * 60 + 30, 24 * 60 - 1)])
      : dice.int(8 * 60 + 30, 20 * 60);
    const local = `${day}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00`;
    const instant = Date.parse(`${local}+08:00`);
    const form = dice.int(0, 9);
    const appliedAt =
      form < 6 ? `${local}+08:00` : form < 8 ? local : `${new Date(instant).toISOString().slice(0, 16)}:00Z`;
    return { appliedAt, instant, day };
  }

  /** A link the first (or the next) scan must raise; every policy gets an item unless given otherwise. */
  link(
    instance: Instance,
    rule: Rule,
    policies: Draft[],
    options: { day?: 'first' | 'next'; items?: Draft[] | 'flood'; key?: string } = {},
  ): string {
    const key = options.key ?? `${rule}#${++this.linkSeq}`;
    this.links.push({
      key,
      rule,
      day: options.day ?? 'first',
      policies: [...new Set(policies)],
      items: options.items ?? [...new Set(policies)],
      instance,
    });
    return key;
  }

  clearAfterFirstScan(rule: Rule, draft: Draft): void {
    this.cleared.push({ rule, draft });
  }
}

/** Phones of one shared number, written a different way by each holder. */
export function sharedPhoneForms(dice: Dice, phone: Parameters<typeof phoneForms>[1], count: number): string[] {
  return phoneForms(dice, phone, count).map((w) => w.text);
}

/** Accounts of one shared number, written a different way on each policy. */
export function sharedAccountForms(
  dice: Dice,
  account: { bankCode: string; accountNo: string },
  count: number,
): Array<{ bankCode: string; accountNo: string }> {
  return accountForms(dice, account.accountNo, count).map((w) => ({ bankCode: account.bankCode, accountNo: w.text }));
}
