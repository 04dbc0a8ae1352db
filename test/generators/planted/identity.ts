import { compact } from './calendar.js';
import type { Dice } from './dice.js';

/** Real current county codes (GB/T 2260), one or two per province 11–65. */
export const COUNTIES = [
  '110105',
  '110108',
  '120104',
  '130102',
  '130602',
  '140105',
  '150102',
  '210102',
  '220102',
  '230103',
  '310104',
  '310115',
  '320106',
  '320583',
  '330106',
  '330782',
  '340104',
  '350203',
  '360102',
  '370102',
  '370212',
  '410105',
  '420106',
  '430104',
  '440106',
  '440305',
  '450103',
  '460106',
  '500103',
  '510104',
  '520102',
  '530102',
  '540102',
  '610113',
  '620102',
  '630102',
  '640104',
  '650102',
] as const;

/** First two digits that are no province-level code of GB/T 2260. */
export const NOT_PROVINCES = [
  '00',
  '10',
  '16',
  '19',
  '20',
  '24',
  '28',
  '30',
  '38',
  '39',
  '40',
  '47',
  '49',
  '55',
  '56',
  '60',
  '66',
  '68',
  '69',
];

/** GB 11643 MOD 11-2, written out here again on purpose (independent of src/). */
export function checkCharOf(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return '10X98765432'.charAt(sum % 11);
}

export type Gender = 'M' | 'F';

/** 18-character resident ID; `birth` may be an impossible date string like 19900230 on purpose. */
export function residentId(dice: Dice, gender: Gender, birth: string, region = dice.pick(COUNTIES) as string): string {
  const sequence = String(dice.int(gender === 'M' ? 0 : 1, 499) * 2 + (gender === 'M' ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${birth.length === 8 ? birth : compact(birth)}${sequence}`;
  return first17 + checkCharOf(first17);
}

/** A resident ID whose check character is X (about one in eleven are). */
export function residentIdEndingInX(dice: Dice, gender: Gender, birth: string): string {
  for (;;) {
    const id = residentId(dice, gender, birth);
    if (id.endsWith('X')) return id;
  }
}

export function genderInId(idNo: string): Gender {
  return Number(idNo[16]) % 2 === 1 ? 'M' : 'F';
}

/** 出生医学证明 number: letter + nine digits. */
export function birthCertificateNo(dice: Dice): string {
  return `${dice.pick(['M', 'N', 'O', 'P', 'Q', 'R'])}${dice.digits(9)}`;
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
];
const GIVEN: Record<Gender, readonly string[]> = {
  M: ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '志强', '建华', '浩然', '子轩', '宇航'],
  F: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '秀英', '婷婷', '欣怡', '雨涵', '梓萱', '晓燕'],
};

export function chineseName(dice: Dice, gender: Gender, surname = dice.pick(SURNAMES)): string {
  return surname + dice.pick(GIVEN[gender]);
}

const PLACES = [
  '北京市朝阳区',
  '上海市浦东新区',
  '广东省广州市天河区',
  '广东省深圳市南山区',
  '浙江省杭州市西湖区',
  '江苏省南京市鼓楼区',
  '四川省成都市锦江区',
  '湖北省武汉市武昌区',
];
const ROADS = ['建国路', '世纪大道', '天河路', '科技园路', '文三路', '中山北路', '春熙路', '中南路'];

export function address(dice: Dice): string {
  return `${dice.pick(PLACES)}${dice.pick(ROADS)}${dice.int(1, 300)}号${dice.int(1, 20)}栋${dice.int(1, 30)}0${dice.int(1, 6)}室`;
}

/** Luhn-valid debit card on a real BIN of the bank. */
export function bankAccount(dice: Dice): { bankCode: string; accountNo: string } {
  const [bankCode, bin, length] = dice.pick([
    ['ICBC', '622202', 19],
    ['CCB', '621700', 19],
    ['ABC', '622848', 19],
    ['CMB', '622588', 16],
  ] as const);
  const body = bin + dice.digits(length - bin.length - 1);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return { bankCode, accountNo: body + String((10 - (sum % 10)) % 10) };
}
