import type { Gender } from '../../shared/contract.js';
import { BANKS, bankByCode, cardNumber, pickBank } from './accounts.js';
import { homeAddress } from './addresses.js';
import { ageOn, birthDayForAge, DAYS_PER_YEAR } from './ages.js';
import type { Branch } from './branches.js';
import { yearOf } from './dates.js';
import { birthCertificateNo, residentIdNo } from './ids.js';
import { givenName, pickSurname } from './names.js';
import { landlineLocal, mobileNumber } from './phones.js';
import { Rng, streamKey } from './prng.js';
import { type County, countiesOfPrefecture, countiesOfProvince, pickRegistrationCounty } from './regions.js';
import { Stream } from './streams.js';

export interface Person {
  /** Stream key of this person: anything else about them (bank cards) is derived from it. */
  key: number;
  name: string;
  gender: Gender;
  birthDay: number;
  idType: 'RESIDENT_ID' | 'BIRTH_CERTIFICATE';
  /** Canonical form: upper-case X. */
  idNo: string;
  /** Digits only; young children have none. */
  mobile: string | null;
  /** Shared by the household, written with its area code. */
  landline: { areaCode: string; local: string } | null;
  address: string;
  email: string | null;
}

/** A household member known by birth day; the details are drawn only when asked for. */
export interface Member {
  birthDay: number;
  person(): Person;
}

const ROLE = { main: 0, spouse: 1, firstChild: 2, secondChild: 3, father: 4, mother: 5 } as const;
type RoleIndex = (typeof ROLE)[keyof typeof ROLE];

/** What the household sketch fixes about a member before the member's details are drawn. */
interface Sketch {
  role: RoleIndex;
  gender: Gender;
  birthDay: number;
  surname: string;
}

const EMAIL_NAMES = [
  'zhang',
  'wang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'ma',
  'hu',
  'lin',
];

function emailAddress(rng: Rng): string {
  if (rng.chance(0.65)) return `${rng.int(10000, 3999999999)}@qq.com`;
  const domain = rng.pick(['163.com', '126.com', 'sina.com', 'foxmail.com']);
  return `${rng.pick(EMAIL_NAMES)}${rng.pick(EMAIL_NAMES)}${rng.int(1, 2025)}@${domain}`;
}

/**
 * A family as the book sees it: the customer first sold to (main), a spouse, up to two children
 * and up to two parents of main. The sketch (who exists, genders, birth days, surnames, where they
 * live) is drawn up front; each member's details on first use, from the member's own stream, so a
 * household rebuilt for a repeat purchase has exactly the same people.
 */
export class Household {
  readonly bankCode: string;
  private readonly registration: County;
  private readonly address: string;
  private readonly landline: Person['landline'];
  private readonly sketches: Array<Sketch | undefined> = [];
  private readonly people: Array<Person | undefined> = [];

  constructor(
    private readonly seed: number,
    readonly index: number,
    readonly branch: Branch,
    private readonly fromDay: number,
  ) {
    const rng = Rng.of(seed, Stream.household, index);
    const gender: Gender = rng.chance(0.55) ? 'F' : 'M';
    const age = 24 + Math.floor(((rng.next() + rng.next()) / 2) * 39);
    const main: Sketch = {
      role: ROLE.main,
      gender,
      birthDay: birthDayForAge(fromDay, age, rng.next()),
      surname: pickSurname(rng),
    };
    this.sketches[ROLE.main] = main;

    if (rng.chance(age < 28 ? 0.45 : 0.88)) {
      const gapDays = Math.round((rng.int(0, 6) + rng.next()) * DAYS_PER_YEAR) * (gender === 'M' ? 1 : -1);
      this.sketches[ROLE.spouse] = {
        role: ROLE.spouse,
        gender: gender === 'M' ? 'F' : 'M',
        birthDay: main.birthDay + gapDays,
        surname: pickSurname(rng),
      };
      this.sketchChildren(rng);
    }
    this.sketchParents(rng, age);

    this.registration = pickRegistrationCounty(rng, branch.provinceCode, yearOf(main.birthDay));
    const livesInBranchCity = rng.chance(0.65) || this.registration.abolishedIn !== undefined;
    const homeCounty = livesInBranchCity ? rng.pick(countiesOfPrefecture(branch.prefectureCode)) : this.registration;
    this.address = homeAddress(rng, homeCounty);
    this.landline =
      livesInBranchCity && rng.chance(0.15) ? { areaCode: branch.areaCode, local: landlineLocal(rng) } : null;
    this.bankCode = pickBank(rng).code;
  }

  private sketchChildren(rng: Rng): void {
    const count = rng.pick([0, 1, 1, 1, 1, 2, 2, 2]);
    const mother = this.wife();
    const father = this.husband();
    if (!mother || !father) return;
    let birthDay = mother.birthDay + Math.round((rng.int(23, 34) + rng.next()) * DAYS_PER_YEAR);
    for (let i = 0; i < count; i++) {
      // Children take the father's surname, a few the mother's.
      const surname = rng.chance(0.95) ? father.surname : mother.surname;
      const gender: Gender = rng.chance(0.52) ? 'M' : 'F';
      if (birthDay < this.fromDay - 30) {
        this.sketches[ROLE.firstChild + i] = { role: (ROLE.firstChild + i) as RoleIndex, gender, birthDay, surname };
      }
      birthDay += Math.round((rng.int(2, 7) + rng.next()) * DAYS_PER_YEAR);
    }
  }

  private sketchParents(rng: Rng, mainAge: number): void {
    const main = this.sketches[ROLE.main] as Sketch;
    const fatherBirth = main.birthDay - Math.round((rng.int(24, 33) + rng.next()) * DAYS_PER_YEAR);
    const motherBirth = fatherBirth + Math.round(rng.int(0, 5) * DAYS_PER_YEAR) + rng.int(0, 364);
    const motherSurname = pickSurname(rng);
    if (mainAge < 50)
      this.sketches[ROLE.father] = { role: ROLE.father, gender: 'M', birthDay: fatherBirth, surname: main.surname };
    if (mainAge < 58)
      this.sketches[ROLE.mother] = { role: ROLE.mother, gender: 'F', birthDay: motherBirth, surname: motherSurname };
  }

  private husband(): Sketch | undefined {
    return [this.sketches[ROLE.main], this.sketches[ROLE.spouse]].find((s) => s?.gender === 'M');
  }

  private wife(): Sketch | undefined {
    return [this.sketches[ROLE.main], this.sketches[ROLE.spouse]].find((s) => s?.gender === 'F');
  }

  get main(): Person {
    return this.member(ROLE.main) as Person;
  }

  get spouse(): Member | undefined {
    return this.ref(ROLE.spouse);
  }

  get children(): Member[] {
    return [this.ref(ROLE.firstChild), this.ref(ROLE.secondChild)].filter((m): m is Member => m !== undefined);
  }

  /** Parents of main (the spouse's parents-in-law). */
  get parents(): Member[] {
    return [this.ref(ROLE.father), this.ref(ROLE.mother)].filter((m): m is Member => m !== undefined);
  }

  private ref(role: RoleIndex): Member | undefined {
    const sketch = this.sketches[role];
    return sketch && { birthDay: sketch.birthDay, person: () => this.member(role) as Person };
  }

  private member(role: RoleIndex): Person | undefined {
    const sketch = this.sketches[role];
    if (!sketch) return undefined;
    const known = this.people[role];
    if (known) return known;
    const person = this.describe(sketch);
    this.people[role] = person;
    return person;
  }

  private describe(sketch: Sketch): Person {
    const key = streamKey(this.seed, Stream.person, this.index, sketch.role);
    const rng = new Rng(key);
    const birthYear = yearOf(sketch.birthDay);
    const county = this.registrationOf(rng, sketch);
    const isParent = sketch.role === ROLE.father || sketch.role === ROLE.mother;
    const isChild = sketch.role === ROLE.firstChild || sketch.role === ROLE.secondChild;
    const age = ageOn(sketch.birthDay, this.fromDay);
    // Newborns are insured on their 出生医学证明 until the household registration gives them an ID number.
    const idType = isChild && age < 16 && rng.chance(age < 3 ? 0.7 : 0.08) ? 'BIRTH_CERTIFICATE' : 'RESIDENT_ID';
    const idNo =
      idType === 'RESIDENT_ID'
        ? residentIdNo(rng, county.code, sketch.birthDay, sketch.gender)
        : birthCertificateNo(rng, sketch.birthDay);
    const hasMobile = age >= 16 || (age >= 12 && rng.chance(0.3));
    const address = isParent
      ? homeAddress(
          rng,
          county.abolishedIn === undefined ? county : rng.pick(countiesOfPrefecture(this.branch.prefectureCode)),
        )
      : this.address;
    return {
      key,
      name: sketch.surname + givenName(rng, sketch.gender, birthYear),
      gender: sketch.gender,
      birthDay: sketch.birthDay,
      idType,
      idNo,
      mobile: hasMobile ? mobileNumber(rng) : null,
      landline: isParent ? null : this.landline,
      address,
      email: age >= 18 && rng.chance(0.18) ? emailAddress(rng) : null,
    };
  }

  private registrationOf(rng: Rng, sketch: Sketch): County {
    switch (sketch.role) {
      case ROLE.main:
      case ROLE.father:
      case ROLE.mother:
        return this.registration;
      case ROLE.spouse:
        return rng.chance(0.6)
          ? rng.pick(countiesOfProvince(this.registration.code.slice(0, 2)))
          : pickRegistrationCounty(rng, this.branch.provinceCode, yearOf(sketch.birthDay));
      default: {
        // A child is registered with a parent, unless that code was gone by the time of the birth.
        const parentCounty = this.registration;
        if (parentCounty.abolishedIn === undefined || yearOf(sketch.birthDay) < parentCounty.abolishedIn)
          return parentCounty;
        return rng.pick(countiesOfPrefecture(this.branch.prefectureCode));
      }
    }
  }
}

/** The person's debit card at a bank: always the same number for the same person and bank. */
export function cardOf(person: Person, bankCode: string): string {
  const bank = bankByCode(bankCode);
  return cardNumber(Rng.of(person.key, Stream.account, BANKS.indexOf(bank)), bank);
}
