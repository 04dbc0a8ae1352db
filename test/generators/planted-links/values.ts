/**
 * Contact values and identity numbers, each allocated once (so nothing links by accident), and
 * the many ways people write the same value (INTERCHANGE §1, §4). Written out here on purpose,
 * independent of src/: the check digit, the Luhn digit, the forms.
 */
import type { Dice } from './dice.js';

/** A phone as the contract's E.164 key says it, with what is needed to write it in other forms. */
export interface Phone {
  kind: 'mobile' | 'landline';
  /** +8613800138000, +862088881234. */
  e164: string;
  /** Mobile: the 11 digits. Landline: the area code with its trunk 0. */
  head: string;
  /** Landline: the local number (8 digits); empty for a mobile. */
  local: string;
}

/** An address as the register or a party writes it plainly; equality is on this form. */
export type Address = string;

const MOBILE_PREFIXES = ['130', '131', '135', '136', '137', '138', '139', '150', '152', '158', '159', '186', '188'];
const AREA_CODES = ['020', '010', '021', '0755', '0571', '025', '028', '027', '0512', '0731'];

/** Real county codes (GB/T 2260) of several provinces; no other region is used. */
const COUNTIES = [
  '110101',
  '110105',
  '120103',
  '310104',
  '310115',
  '320102',
  '320506',
  '330102',
  '330106',
  '350102',
  '370202',
  '420102',
  '430102',
  '440103',
  '440106',
  '440304',
  '500103',
  '510104',
];

/** GB 11643 MOD 11-2, again written out independently of src/. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'.charAt(sum % 11);
}

/** Luhn check digit of a card number body. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const PLACES = [
  '广东省广州市天河区',
  '广东省广州市海珠区',
  '广东省深圳市福田区',
  '北京市海淀区',
  '上海市徐汇区',
  '浙江省杭州市上城区',
  '江苏省苏州市吴中区',
  '湖南省长沙市岳麓区',
  '四川省成都市武侯区',
  '湖北省武汉市江汉区',
];
const ROADS = ['中山大道', '滨江路', '人民路', '解放路', '学院路', '江南大道', '东风路', '长江路', '延安路', '新华路'];

/** Hands out values no one else has: every link in the book is one that was planted. */
export class Values {
  private readonly used = new Set<string>();

  constructor(private readonly dice: Dice) {}

  private fresh(make: () => string): string {
    for (;;) {
      const value = make();
      if (!this.used.has(value)) {
        this.used.add(value);
        return value;
      }
    }
  }

  mobile(): Phone {
    const digits = this.fresh(() => `m${this.dice.pick(MOBILE_PREFIXES)}${this.dice.digits(8)}`).slice(1);
    return { kind: 'mobile', e164: `+86${digits}`, head: digits, local: '' };
  }

  landline(): Phone {
    const [area, local] = this.fresh(() => {
      const first = this.dice.pick(['5', '6', '8']);
      return `l${this.dice.pick(AREA_CODES)}|${first}${this.dice.int(1, 9)}${this.dice.digits(6)}`;
    })
      .slice(1)
      .split('|') as [string, string];
    return { kind: 'landline', e164: `+86${area.slice(1)}${local}`, head: area, local };
  }

  phone(landlineShare = 0.15): Phone {
    return this.dice.chance(landlineShare) ? this.landline() : this.mobile();
  }

  /** A debit card number on a real BIN, Luhn-valid, 16 or 19 digits. */
  account(): { bankCode: string; accountNo: string } {
    const [bankCode, bin, length] = this.dice.pick([
      ['ICBC', '622202', 19],
      ['CCB', '621700', 19],
      ['ABC', '622848', 19],
      ['BOC', '621661', 19],
      ['CMB', '622588', 16],
    ] as const);
    const accountNo = this.fresh(() => {
      const body = bin + this.dice.digits(length - bin.length - 1);
      return `a${body}${luhnDigit(body)}`;
    }).slice(1);
    return { bankCode, accountNo };
  }

  address(): Address {
    return this.fresh(
      () =>
        `${this.dice.pick(PLACES)}${this.dice.pick(ROADS)}${this.dice.int(1, 399)}号${this.dice.int(1, 30)}栋${this.dice.int(1, 32)}0${this.dice.int(1, 8)}室`,
    );
  }

  /** An 18-character resident ID number; `endsInX` asks for a check character X. */
  residentId(gender: 'M' | 'F', birthDate: string, endsInX = false): string {
    for (;;) {
      const region = this.dice.pick(COUNTIES);
      const sequence = String(this.dice.int(0, 499) * 2 + (gender === 'M' ? 1 : 0)).padStart(3, '0');
      const first17 = `${region}${birthDate.replaceAll('-', '')}${sequence}`;
      const id = first17 + checkCharacter(first17);
      if (endsInX !== id.endsWith('X') || this.used.has(`i${id}`)) continue;
      this.used.add(`i${id}`);
      return id;
    }
  }

  /** 出生医学证明 number: a letter and nine digits. */
  birthCertificate(): string {
    return this.fresh(() => `b${this.dice.pick(['M', 'N', 'O', 'P', 'Q'])}${this.dice.digits(9)}`).slice(1);
  }
}

type Writer<T> = readonly [style: string, write: (value: T) => string];

const group = (digits: string, sizes: number[], sep: string) => {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) parts.push(digits.slice(at));
  return parts.filter((p) => p !== '').join(sep);
};

const MOBILE_FORMS: ReadonlyArray<Writer<Phone>> = [
  ['plain', (p) => p.head],
  ['spaces', (p) => group(p.head, [3, 4], ' ')],
  ['dashes', (p) => group(p.head, [3, 4], '-')],
  ['+86 dashes', (p) => `+86 ${group(p.head, [3, 4], '-')}`],
  ['+86 spaces', (p) => `+86 ${group(p.head, [3, 4], ' ')}`],
  ['+86', (p) => `+86${p.head}`],
  ['0086', (p) => `0086${p.head}`],
  ['0086 space', (p) => `0086 ${p.head}`],
  ['0086 dashes', (p) => `0086-${group(p.head, [3, 4], '-')}`],
];

const spacedLocal = (p: Phone) => `${p.local.slice(0, 4)} ${p.local.slice(4)}`;
const LANDLINE_FORMS: ReadonlyArray<Writer<Phone>> = [
  ['area-dash local-space', (p) => `${p.head}-${spacedLocal(p)}`],
  ['compact', (p) => `${p.head}${p.local}`],
  ['area space local-space', (p) => `${p.head} ${spacedLocal(p)}`],
  ['area-dash local', (p) => `${p.head}-${p.local}`],
  ['parenthesised area', (p) => `(${p.head}) ${p.local.slice(0, 4)}-${p.local.slice(4)}`],
  ['+86 spaces', (p) => `+86 ${p.head.slice(1)} ${spacedLocal(p)}`],
  ['+86 dashes', (p) => `+86-${p.head.slice(1)}-${p.local}`],
  ['0086 space', (p) => `0086 ${p.head.slice(1)} ${p.local}`],
];

const ACCOUNT_FORMS: ReadonlyArray<Writer<string>> = [
  ['plain', (a) => a],
  ['spaces of four', (a) => group(a, [4, 4, 4, 4], ' ')],
  ['dashes of four', (a) => group(a, [4, 4, 4, 4], '-')],
  ['bank number and rest', (a) => `${a.slice(0, 6)} ${a.slice(6)}`],
  ['spaces and dashes', (a) => `${a.slice(0, 4)} ${a.slice(4, 8)}-${a.slice(8, 12)} ${a.slice(12)}`],
];

const FULL_WIDTH_DIGIT = 0xff10 - 0x30;
const fullWidthDigits = (s: string) =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_DIGIT));
const spaceAfter = (s: string, marks: string, space: string) =>
  s.replace(new RegExp(`([${marks}])(?!$)`, 'g'), `$1${space}`);

const ADDRESS_FORMS: ReadonlyArray<Writer<Address>> = [
  ['plain', (a) => a],
  ['full-width digits', (a) => fullWidthDigits(a)],
  ['spaces', (a) => spaceAfter(a, '省市区', ' ')],
  ['ideographic spaces', (a) => spaceAfter(a, '市区号', '\u3000')],
  ['punctuation', (a) => a.replace('区', '区，').replace(/号(\d+)栋/, '号-$1栋-')],
  [
    'full-width digits, spaces and punctuation',
    (a) => fullWidthDigits(spaceAfter(a, '省市', ' ').replace('号', '号、')),
  ],
  ['bracketed district', (a) => a.replace(/([^省市]+区)/, '（$1）')],
];

/** Distinct ways of writing one value, as many as asked (cycling when more are asked than exist). */
function forms<T>(dice: Dice, writers: ReadonlyArray<Writer<T>>, value: T, count: number): Written[] {
  const order = dice.shuffle(writers);
  return Array.from({ length: count }, (_, i) => {
    const [style, write] = order[i % order.length] as Writer<T>;
    return { style, text: write(value) };
  });
}

/** One written form of a value and the name of the form, for readable reports. */
export interface Written {
  style: string;
  text: string;
}

export function phoneForms(dice: Dice, phone: Phone, count: number): Written[] {
  return forms(dice, phone.kind === 'mobile' ? MOBILE_FORMS : LANDLINE_FORMS, phone, count);
}

export function accountForms(dice: Dice, accountNo: string, count: number): Written[] {
  return forms(dice, ACCOUNT_FORMS, accountNo, count);
}

export function addressForms(dice: Dice, address: Address, count: number): Written[] {
  return forms(dice, ADDRESS_FORMS, address, count);
}

/** Any one way of writing a phone. */
export function writePhone(dice: Dice, phone: Phone): string {
  return (phoneForms(dice, phone, 1)[0] as Written).text;
}
