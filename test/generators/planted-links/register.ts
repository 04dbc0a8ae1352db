/**
 * The agent register and the complaints register of the planted-links book (INTERCHANGE §2, §2a).
 * Every seller's phone and address is allocated once; a customer has one only where a plant says so.
 */
import type { AgentRecord, ComplaintRecord } from '../../../src/shared/contract.js';
import type { Dice } from './dice.js';
import type { People, Person } from './people.js';
import { type Address, addressForms, type Phone, phoneForms, type Values } from './values.js';

export type SellerKind = 'agent' | 'bancassurance_specialist' | 'agency';

/** One contact of the register: the seller's own or a registered relative's. */
export interface SellerContact {
  seller: Seller;
  owner: 'self' | 'relative';
  kind: 'phone' | 'address';
  phone?: Phone;
  address?: Address;
  /** How the register writes it. */
  registered: string;
  /** Taken by a plant: no other plant may use it. */
  taken: boolean;
}

export interface Seller {
  code: string;
  kind: SellerKind;
  /** The natural person behind an agent or a specialist; null for an agency. */
  person: Person | null;
  contacts: SellerContact[];
  record: AgentRecord;
}

const BRANCHES = ['GD-GZ', 'GD-SZ', 'BJ-HQ', 'SH-XH', 'ZJ-HZ', 'JS-SZ', 'HN-CS', 'SC-CD'];
const RELATIONS = ['spouse', 'parent', 'child', 'sibling'] as const;

export class Register {
  readonly sellers: Seller[] = [];
  readonly complaints: ComplaintRecord[] = [];
  /** Complaint records as sent again after the first scan (a complaint verified since). */
  readonly complaintUpdates: ComplaintRecord[] = [];
  private readonly background: Seller[] = [];
  private complaintSeq = 0;

  constructor(
    private readonly dice: Dice,
    private readonly values: Values,
    private readonly people: People,
    private readonly longAgo: string,
  ) {}

  /** Sellers that sell the book's ordinary policies and lend their contacts to plants. */
  addBackground(counts: Record<SellerKind, number>): void {
    for (const kind of ['agent', 'bancassurance_specialist', 'agency'] as const) {
      for (let i = 0; i < counts[kind]; i++) this.background.push(this.newSeller(kind));
    }
  }

  /** A seller of the given kind, in the register, qualified long ago. */
  newSeller(kind: SellerKind): Seller {
    const prefix = { agent: 'LA', bancassurance_specialist: 'LB', agency: 'LG' }[kind];
    const code = `${prefix}${String(this.sellers.length + 1).padStart(4, '0')}`;
    const dice = this.dice;
    const seller: Seller = { code, kind, person: null, contacts: [], record: undefined as unknown as AgentRecord };
    const add = (owner: 'self' | 'relative', kind: 'phone' | 'address', value: Phone | Address) => {
      const contact: SellerContact =
        typeof value === 'string'
          ? { seller, owner, kind, address: value, registered: registerAddress(dice, value), taken: false }
          : { seller, owner, kind, phone: value, registered: phoneForms(dice, value, 1)[0]?.text ?? '', taken: false };
      seller.contacts.push(contact);
      return contact.registered;
    };
    if (kind === 'agency') {
      const phones = Array.from({ length: dice.int(1, 2) }, () => add('self', 'phone', this.values.landline()));
      seller.record = {
        agentCode: code,
        kind,
        agencyKind: dice.chance(0.5) ? 'professional' : 'part_time',
        name: `立信${this.sellers.length + 1}号保险代理有限公司`,
        idType: 'OTHER',
        idNo: null,
        branchCode: dice.pick(BRANCHES),
        phones,
        address: add('self', 'address', this.values.address()),
        qualifiedOn: this.longAgo,
        relatives: [],
      };
    } else {
      const person = this.people.adult({ minAge: 25, maxAge: 55, endsInX: dice.chance(0.2) });
      seller.person = person;
      const phones = [add('self', 'phone', this.values.mobile())];
      if (dice.chance(0.3)) phones.push(add('self', 'phone', this.values.phone(0.5)));
      const relatives = Array.from({ length: dice.int(1, 2) }, () => {
        const gender = dice.chance(0.5) ? 'M' : 'F';
        return {
          name: this.people.name(gender),
          relation: dice.pick(RELATIONS),
          phones: dice.chance(0.85) ? [add('relative', 'phone', this.values.phone(0.2))] : [],
          address: dice.chance(0.75) ? add('relative', 'address', this.values.address()) : null,
        };
      });
      seller.record = {
        agentCode: code,
        kind,
        name: person.name,
        idType: 'RESIDENT_ID',
        // The register may write the check character in lower case: still the same person (INTERCHANGE §4).
        idNo: person.idNo.endsWith('X') && dice.chance(0.5) ? `${person.idNo.slice(0, 17)}x` : person.idNo,
        branchCode: dice.pick(BRANCHES),
        phones,
        address: add('self', 'address', this.values.address()),
        qualifiedOn: this.longAgo,
        relatives,
      };
    }
    this.sellers.push(seller);
    return seller;
  }

  /** A seller of the ordinary book, the kinds weighted as the channels are. */
  anySeller(): Seller {
    const kind = this.dice.pick([
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'agent',
      'bancassurance_specialist',
      'bancassurance_specialist',
      'agency',
    ] as const);
    return this.dice.pick(this.background.filter((s) => s.kind === kind));
  }

  /** A seller of the ordinary book other than `not`. */
  otherSeller(not: Seller): Seller {
    for (;;) {
      const seller = this.anySeller();
      if (seller !== not) return seller;
    }
  }

  /** An untaken contact of an ordinary seller matching the filter, now taken. */
  takeContact(filter: (c: SellerContact) => boolean): SellerContact {
    const candidates = this.background.flatMap((s) => s.contacts).filter((c) => !c.taken && filter(c));
    if (candidates.length === 0) {
      // The pool ran dry: a new ordinary seller brings new contacts.
      this.background.push(this.newSeller(this.dice.pick(['agent', 'agent', 'bancassurance_specialist'] as const)));
      return this.takeContact(filter);
    }
    const contact = this.dice.pick(candidates);
    contact.taken = true;
    return contact;
  }

  /** An ordinary person seller whose own mobile, and own address, no plant has taken yet; both now taken. */
  takeSellerAsCustomer(): { seller: Seller; phone: SellerContact; address: SellerContact } {
    const contact = this.takeContact(
      (c) =>
        c.owner === 'self' &&
        c.phone?.kind === 'mobile' &&
        c.seller.person !== null &&
        c.seller.contacts.every((other) => other.owner === 'relative' || !other.taken),
    );
    const address = contact.seller.contacts.find((c) => c.owner === 'self' && c.kind === 'address') as SellerContact;
    address.taken = true;
    return { seller: contact.seller, phone: contact, address };
  }

  complaint(
    seller: Seller,
    fields: { kind: ComplaintRecord['kind']; verifiedOn: string | null; receivedOn?: string },
  ): ComplaintRecord {
    this.complaintSeq++;
    const receivedOn = fields.receivedOn ?? shiftDays(fields.verifiedOn ?? this.longAgo, -this.dice.int(5, 40));
    const record: ComplaintRecord = {
      complaintNo: `TC-${String(this.complaintSeq).padStart(5, '0')}`,
      agentCode: seller.code,
      policyNo: this.dice.chance(0.5) ? `P2025${String(this.dice.int(1, 9999_999)).padStart(9, '0')}` : null,
      receivedOn,
      kind: fields.kind,
      verified: fields.verifiedOn !== null,
      verifiedOn: fields.verifiedOn,
      summary: fields.kind === 'misleading_sales' ? '夸大收益，未说明犹豫期' : '服务态度',
    };
    this.complaints.push(record);
    return record;
  }

  /** The same complaint sent again, now verified on `verifiedOn`. */
  verifyLater(complaint: ComplaintRecord, verifiedOn: string): void {
    this.complaintUpdates.push({ ...complaint, verified: true, verifiedOn });
  }
}

function registerAddress(dice: Dice, address: Address): string {
  return dice.chance(0.7) ? address : (addressForms(dice, address, 1)[0]?.text ?? address);
}

function shiftDays(iso: string, days: number): string {
  return new Date(new Date(`${iso}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
