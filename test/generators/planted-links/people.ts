/** People of the planted-links book: names, birth dates and identity numbers consistent with each other. */
import type { Dice } from './dice.js';
import type { Values } from './values.js';

export type Gender = 'M' | 'F';

export interface Person {
  name: string;
  gender: Gender;
  birthDate: string;
  idType: 'RESIDENT_ID' | 'BIRTH_CERTIFICATE';
  /** As the card has it: upper-case X. */
  idNo: string;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
];
const GIVEN: Record<Gender, readonly string[]> = {
  M: ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '浩', '鹏', '建国', '志明', '俊杰', '宇轩'],
  F: ['芳', '娜', '敏', '静', '丽', '艳', '燕', '霞', '玲', '婷', '秀兰', '雪梅', '佳怡', '思雨'],
};

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(new Date(`${iso}T00:00:00Z`).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `years` later; 29 February is never produced by this book. */
export function addYears(iso: string, years: number): string {
  return `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
}

function dayBetween(dice: Dice, first: string, last: string): string {
  const from = new Date(`${first}T00:00:00Z`).getTime();
  const span = Math.round((new Date(`${last}T00:00:00Z`).getTime() - from) / DAY_MS);
  const day = new Date(from + dice.int(0, span) * DAY_MS).toISOString().slice(0, 10);
  return day.endsWith('-02-29') ? addDays(day, 1) : day;
}

export class People {
  constructor(
    private readonly dice: Dice,
    private readonly values: Values,
    /** The day ages are reckoned on. */
    private readonly today: string,
  ) {}

  name(gender: Gender, surname = this.dice.pick(SURNAMES)): string {
    return surname + this.dice.pick(GIVEN[gender]);
  }

  /** Someone between `minAge` and `maxAge` years old, with a resident ID (check character X if asked). */
  adult(
    options: { minAge?: number; maxAge?: number; gender?: Gender; endsInX?: boolean; surname?: string } = {},
  ): Person {
    const { minAge = 22, maxAge = 60, endsInX = false } = options;
    const gender = options.gender ?? (this.dice.chance(0.5) ? 'M' : 'F');
    const birthDate = dayBetween(
      this.dice,
      addDays(addYears(this.today, -maxAge - 1), 1),
      addYears(this.today, -minAge),
    );
    return {
      name: this.name(gender, options.surname),
      gender,
      birthDate,
      idType: 'RESIDENT_ID',
      idNo: this.values.residentId(gender, birthDate, endsInX),
    };
  }

  /** A child of 1 to 15, on a resident ID or a birth certificate, or with no number at all. */
  child(surname: string): Person & { withoutId: boolean } {
    const gender = this.dice.chance(0.5) ? 'M' : 'F';
    const birthDate = dayBetween(this.dice, addYears(this.today, -15), addYears(this.today, -1));
    const document = this.dice.int(0, 9);
    const onBirthCertificate = document >= 7 && document < 9;
    return {
      name: this.name(gender, surname),
      gender,
      birthDate,
      idType: onBirthCertificate ? 'BIRTH_CERTIFICATE' : 'RESIDENT_ID',
      idNo: onBirthCertificate ? this.values.birthCertificate() : this.values.residentId(gender, birthDate),
      withoutId: document === 9,
    };
  }

  /** A spouse of the other gender, of about the same age. */
  spouseOf(person: Person): Person {
    return this.adult({ gender: person.gender === 'M' ? 'F' : 'M', minAge: 22, maxAge: 60 });
  }

  /** A parent of someone up to 60: 20 to 35 years older, so at most 95. */
  parentOf(person: Person): Person {
    const age = Number(this.today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
    return this.adult({
      minAge: Math.min(age + 20, 90),
      maxAge: Math.min(age + 35, 95),
      surname: person.name.charAt(0),
    });
  }

  /** An adult child of someone of 45 or more. */
  adultChildOf(person: Person): Person {
    const age = Number(this.today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
    return this.adult({ minAge: 19, maxAge: Math.max(20, age - 22), surname: person.name.charAt(0) });
  }
}
