import { type Rng, Weighted } from './prng.js';

/** Mainland mobile prefixes in use (13x, 15x, 17x, 18x, 19x), weighted by how common they are. */
const MOBILE_PREFIXES = new Weighted<string>([
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p) => [p, 3] as const),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 2.4] as const),
  ...['173', '175', '176', '177', '178'].map((p) => [p, 1.6] as const),
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p) => [p, 2.5] as const),
  ...['191', '193', '195', '198', '199'].map((p) => [p, 2.4] as const),
]);

/** An 11-digit mobile number, digits only. */
export function mobileNumber(rng: Rng): string {
  return MOBILE_PREFIXES.pick(rng) + rng.digits(8);
}

type MobileStyle = (digits: string) => string;

const group344 = (d: string, sep: string) => `${d.slice(0, 3)}${sep}${d.slice(3, 7)}${sep}${d.slice(7)}`;

/** How people write a mobile number on a form (INTERCHANGE §1). */
const MOBILE_STYLES = new Weighted<MobileStyle>([
  [(d) => d, 58],
  [(d) => group344(d, ' '), 12],
  [(d) => group344(d, '-'), 8],
  [(d) => `+86 ${group344(d, '-')}`, 7],
  [(d) => `+86${d}`, 6],
  [(d) => `+86 ${group344(d, ' ')}`, 3],
  [(d) => `0086 ${d}`, 4],
  [(d) => `0086-${group344(d, '-')}`, 2],
]);

export function writeMobile(rng: Rng, digits: string): string {
  return MOBILE_STYLES.pick(rng)(digits);
}

/** A local fixed-line number: 8 digits, not starting with 0, 1, 9 or 800 (service and toll-free numbers). */
export function landlineLocal(rng: Rng): string {
  const lead = rng.int(2, 8);
  return `${lead}${lead === 8 ? rng.int(1, 9) : rng.int(0, 9)}${rng.digits(6)}`;
}

export function writeLandline(rng: Rng, areaCode: string, local: string): string {
  const spaced = `${local.slice(0, 4)} ${local.slice(4)}`;
  const style = rng.int(0, 9);
  if (style < 5) return `${areaCode}-${spaced}`;
  if (style < 8) return `${areaCode}-${local}`;
  return `${areaCode} ${spaced}`;
}

/** A mobile number with one digit left out, as happens when it is keyed in. */
export function mistypedMobile(rng: Rng, digits: string): string {
  const drop = rng.int(3, 10);
  return digits.slice(0, drop) + digits.slice(drop + 1);
}
