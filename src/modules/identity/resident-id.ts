/**
 * 居民身份证 (RESIDENT_ID), GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date,
 * 3-digit sequence (odd = male), MOD 11-2 check character. The 15-digit numbers of the first
 * generation (address, YYMMDD in the 1900s, sequence) are recognised but are not a current
 * document (ID_FORMAT); their 18-digit form is given for matching.
 */
import { issue } from '../../shared/codes.js';
import { checkAddressCode } from './address-code.js';
import { readBirthDate } from './dates.js';
import { mod11CheckChar } from './gb11643.js';
import { checkGb11643Body, GB11643_SHAPE } from './gb11643-parts.js';
import { emptyFindings, genderFromSequenceDigit, type IdCheckContext, type IdFindings } from './id-findings.js';
import { provinceFor } from './regions.js';

const LEGACY_SHAPE = /^\d{15}$/;
/** Residence permits (GB 11643-shaped) start with these; they are not resident IDs. */
const RESIDENCE_PERMIT_PREFIXES = new Set(['810000', '820000', '830000']);

export function checkResidentId(number: string, context: IdCheckContext): IdFindings {
  const findings = emptyFindings();
  if (number.length === 18 && GB11643_SHAPE.test(number)) {
    checkCurrent(number, context, findings);
  } else if (number.length === 15 && LEGACY_SHAPE.test(number)) {
    checkLegacy(number, context, findings);
  } else {
    findings.errors.push(issue('ID_FORMAT', context.path, describeShape(number)));
  }
  return findings;
}

function checkCurrent(number: string, context: IdCheckContext, findings: IdFindings): void {
  if (RESIDENCE_PERMIT_PREFIXES.has(number.slice(0, 6))) {
    findings.errors.push(
      issue('ID_FORMAT', context.path, {
        zh: '以810000/820000/830000开头的是港澳台居民居住证号码，证件类型应为 HMT_RESIDENCE_PERMIT',
        en: 'a number starting 810000/820000/830000 is a HK/Macau/Taiwan residence permit: use idType HMT_RESIDENCE_PERMIT',
      }),
    );
  } else {
    checkAddressCode(number.slice(0, 6), context, findings);
  }
  checkGb11643Body(number, context, findings);
}

/** Converts a first-generation number: "19" inserted before the year, check character appended. */
export function upgradeLegacyNumber(legacy15: string): string | undefined {
  return LEGACY_SHAPE.test(legacy15) ? toEighteenDigits(legacy15) : undefined;
}

function toEighteenDigits(legacy15: string): string {
  const body = `${legacy15.slice(0, 6)}19${legacy15.slice(6)}`;
  return body + (mod11CheckChar(body) ?? '');
}

function checkLegacy(number: string, context: IdCheckContext, findings: IdFindings): void {
  const digits = `19${number.slice(6, 12)}`;
  const reading = readBirthDate(digits, context.today);
  const provinceKnown = provinceFor(number) !== undefined;
  if (!provinceKnown || reading.problem) {
    findings.errors.push(
      issue('ID_FORMAT', context.path, {
        zh: provinceKnown
          ? '15位旧号码中的出生日期不是真实日期'
          : `15位旧号码的前两位${number.slice(0, 2)}不是省级代码`,
        en: provinceKnown
          ? 'the birth date in the 15-digit number is not a real date'
          : `the 15-digit number does not start with a province-level code (${number.slice(0, 2)})`,
      }),
    );
    return;
  }
  const upgraded = toEighteenDigits(number);
  findings.errors.push(
    issue('ID_FORMAT', context.path, {
      zh: '15位旧版身份证号码已停止使用，请提供18位号码',
      en: 'a 15-digit legacy number is no longer a current document; give the 18-digit number',
    }),
  );
  findings.upgraded18 = upgraded;
  findings.birthDate = reading.date;
  findings.gender = genderFromSequenceDigit(number.charAt(14));
  checkAddressCode(number.slice(0, 6), context, findings);
}

function describeShape(number: string): { zh: string; en: string } {
  if (number.length === 18) {
    return {
      zh: '前17位应为数字，第18位为数字或X',
      en: 'the first 17 characters must be digits and the 18th a digit or X',
    };
  }
  return {
    zh: `应为18位（17位数字加1位数字或X），现为${number.length}位`,
    en: `it must be 18 characters (17 digits and a digit or X); this one has ${number.length}`,
  };
}
