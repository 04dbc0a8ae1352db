import type { Dice } from './dice.js';

const PREFIXES = ['130', '135', '138', '139', '150', '158', '186', '188', '177', '199'];

export function mobile(dice: Dice): string {
  return dice.pick(PREFIXES) + dice.digits(8);
}

const g = (d: string, sep: string) => `${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`;

/** Ways of writing a valid mainland number that must NOT be a PHONE_FORMAT error. */
export const VALID_STYLES: ReadonlyArray<readonly [string, (dice: Dice) => string]> = [
  ['plain', (dice) => mobile(dice)],
  ['spaces', (dice) => g(mobile(dice), ' ')],
  ['dashes', (dice) => g(mobile(dice), '-')],
  ['+86 dashes', (dice) => `+86 ${g(mobile(dice), '-')}`],
  ['+86', (dice) => `+86${mobile(dice)}`],
  ['+86 spaces', (dice) => `+86 ${g(mobile(dice), ' ')}`],
  ['0086', (dice) => `0086${mobile(dice)}`],
  ['0086 space', (dice) => `0086 ${mobile(dice)}`],
  ['0086 dashes', (dice) => `0086-${g(mobile(dice), '-')}`],
  ['landline', (dice) => landline(dice, 'dash-space')],
  ['landline compact', (dice) => landline(dice, 'dash')],
  ['landline spaces', (dice) => landline(dice, 'space')],
];

const AREAS = ['020', '010', '021', '0755', '0571', '025', '028', '027'];

function landline(dice: Dice, style: 'dash-space' | 'dash' | 'space'): string {
  // 800… is a toll-free range, not a landline.
  const local = `${dice.pick(['5', '6', '8'])}${dice.int(1, 9)}${dice.digits(6)}`;
  const area = dice.pick(AREAS);
  if (style === 'dash') return `${area}-${local}`;
  const spaced = `${local.slice(0, 4)} ${local.slice(4)}`;
  return style === 'space' ? `${area} ${spaced}` : `${area}-${spaced}`;
}

function digits2to8(dice: Dice, count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += String(dice.int(2, 8));
  return s;
}

/** Ways of writing a phone that must be a PHONE_FORMAT error. */
export const INVALID_STYLES: ReadonlyArray<readonly [string, (dice: Dice) => string]> = [
  ['10 digits', (dice) => mobile(dice).slice(0, 10)],
  ['12 digits', (dice) => mobile(dice) + dice.digits(1)],
  ['starts 12', (dice) => `12${dice.digits(9)}`],
  ['starts 10', (dice) => `10${dice.digits(9)}`],
  // Digits 2–8 only: with 0, 1 or 9 some 8-digit strings read as a 3-digit area code and a short service number.
  ['local without area code', (dice) => `${dice.pick(['5', '6', '8'])}${digits2to8(dice, 3)} ${digits2to8(dice, 4)}`],
  ['letter O for zero', (dice) => `13${dice.digits(1)}-OO${dice.digits(2)}-${dice.digits(4)}`],
  ['+86 and 10 digits', (dice) => `+86 ${mobile(dice).slice(0, 10)}`],
  ['0086 and 12 digits', (dice) => `0086${mobile(dice)}${dice.digits(1)}`],
  ['too short', (dice) => dice.digits(5)],
];
