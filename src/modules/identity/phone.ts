/**
 * Phone numbers as people write them (INTERCHANGE §1, §3 PHONE_FORMAT, §4 E.164): a mainland
 * mobile (11 digits 1[3-9]…, optionally +86/0086/86 in front), a landline with trunk 0 and a
 * real area code, or an international number (+ or 00, then a country code other than 86).
 *
 * Hot path (every phone of every application): mainland numbers are decided without
 * libphonenumber's parser, against its CN mobile and fixed-line patterns compiled once; only
 * international numbers go through the parser.
 */
import { type CountryCode, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type Issue, issue } from '../../shared/codes.js';
import { areaCodeOf, cityForAreaCode } from './area-codes.js';

export interface PhoneCheck {
  input: string;
  /** E.164, set only when the number is valid. */
  normalized?: string;
  kind?: 'mobile' | 'landline' | 'international';
  errors: Issue[];
  warnings: Issue[];
  /** Landlines: the area code with its trunk 0, e.g. 020. */
  areaCode?: string;
  city?: string;
  /** ISO 3166 alpha-2. */
  country?: string;
}

const CHINA_CALLING_CODE = '86';
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_IN_METADATA = compileChinaPattern('MOBILE');
const FIXED_LINE_IN_METADATA = compileChinaPattern('FIXED_LINE');

/** The national-number pattern of one CN number type in libphonenumber-js/max, anchored. */
function compileChinaPattern(type: 'MOBILE' | 'FIXED_LINE'): RegExp {
  const metadata = new Metadata();
  metadata.selectNumberingPlan('CN' satisfies CountryCode);
  // The typings omit NumberingPlan.type(), which the runtime has (libphonenumber-js ≥ 1.7).
  const plan = metadata.numberingPlan as unknown as { type(name: string): { pattern(): string } | undefined };
  const pattern = plan.type(type)?.pattern();
  if (!pattern) throw new Error(`libphonenumber-js/max has no CN ${type} pattern`);
  return new RegExp(`^(?:${pattern})$`);
}

const FULL_WIDTH_OFFSET = 0xfee0;

function isSeparator(c: number): boolean {
  return (
    c === 0x20 || // space
    c === 0x09 ||
    c === 0xa0 || // no-break space
    c === 0x3000 || // ideographic space
    c === 0x2d || // -
    c === 0x2e || // .
    c === 0x28 || // (
    c === 0x29 || // )
    c === 0xff08 || // （
    c === 0xff09 || // ）
    c === 0xff0d || // －
    c === 0xff0e || // ．
    (c >= 0x2010 && c <= 0x2015) || // hyphens and dashes
    c === 0x2212 // minus sign
  );
}

/** Digits with an optional leading +, separators dropped, full-width folded; undefined on any other character. */
function compact(raw: string): string | undefined {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    let c = raw.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= FULL_WIDTH_OFFSET;
    if (c >= 0x30 && c <= 0x39) out += String.fromCharCode(c);
    else if (c === 0x2b || c === 0xff0b) {
      if (out.length > 0) return undefined;
      out = '+';
    } else if (!isSeparator(c)) return undefined;
  }
  return out;
}

export function checkPhone(raw: string, path = 'phone'): PhoneCheck {
  // Fast path: the common case is already a bare mobile number.
  if (raw.length === 11 && MAINLAND_MOBILE.test(raw)) return mobile(raw, raw, path);
  const compacted = compact(raw);
  if (compacted === undefined) {
    return invalid(raw, path, {
      zh: '含有数字和分隔符以外的字符',
      en: 'it contains characters other than digits and separators',
    });
  }
  if (compacted.startsWith('+')) return afterInternationalPrefix(raw, compacted.slice(1), path);
  if (compacted.startsWith('00')) return afterInternationalPrefix(raw, compacted.slice(2), path);
  if (compacted.startsWith('0')) return landline(raw, compacted.slice(1), path);
  if (compacted.length === 13 && compacted.startsWith(CHINA_CALLING_CODE) && compacted.charAt(2) === '1') {
    return mainlandMobileOrInvalid(raw, compacted.slice(2), path);
  }
  if (compacted.charAt(0) === '1') return mainlandMobileOrInvalid(raw, compacted, path);
  return invalid(raw, path, {
    zh: '不是手机号（11位，1开头）；固定电话应以0和区号开头',
    en: 'not a mobile (11 digits starting with 1); a landline starts with 0 and its area code',
  });
}

export function normalizePhone(raw: string): string | undefined {
  return checkPhone(raw).normalized;
}

function afterInternationalPrefix(raw: string, rest: string, path: string): PhoneCheck {
  if (rest.startsWith(CHINA_CALLING_CODE)) {
    const national = rest.slice(2);
    if (national.charAt(0) === '1' && national.charAt(1) !== '0') return mainlandMobileOrInvalid(raw, national, path);
    return landline(raw, national, path);
  }
  return international(raw, rest, path);
}

function mainlandMobileOrInvalid(raw: string, national: string, path: string): PhoneCheck {
  if (MAINLAND_MOBILE.test(national)) return mobile(raw, national, path);
  return invalid(raw, path, {
    zh: '大陆手机号应为11位，以13至19开头',
    en: 'a mainland mobile has 11 digits and starts with 13 to 19',
  });
}

function mobile(raw: string, national: string, path: string): PhoneCheck {
  const warnings: Issue[] = [];
  if (!MOBILE_IN_METADATA.test(national)) {
    warnings.push(
      issue('PHONE_RANGE_UNKNOWN', path, {
        zh: `号段${national.slice(0, 3)}未收录`,
        en: `the range ${national.slice(0, 3)} is not listed`,
      }),
    );
  }
  return { input: raw, normalized: `+86${national}`, kind: 'mobile', errors: [], warnings, country: 'CN' };
}

function landline(raw: string, national: string, path: string): PhoneCheck {
  if (!FIXED_LINE_IN_METADATA.test(national)) {
    return invalid(raw, path, {
      zh: `0${areaCodeOf(national)}开头的号码不是有效的固定电话（区号或号码长度不对）`,
      en: `0${areaCodeOf(national)}… is not a valid landline (unknown area code or wrong length)`,
    });
  }
  const areaCode = areaCodeOf(national);
  const check: PhoneCheck = {
    input: raw,
    normalized: `+86${national}`,
    kind: 'landline',
    errors: [],
    warnings: [],
    areaCode: `0${areaCode}`,
    country: 'CN',
  };
  const city = cityForAreaCode(areaCode);
  if (city) check.city = city;
  return check;
}

function international(raw: string, digits: string, path: string): PhoneCheck {
  const parsed = digits.charAt(0) === '0' ? undefined : parsePhoneNumberFromString(`+${digits}`);
  if (!parsed?.isValid()) {
    return invalid(raw, path, {
      // Messages are stored and shown unmasked: never the number itself.
      zh: '不是有效的国际号码（国家代码或号码长度不对）',
      en: 'not a valid international number (unknown country code or wrong length)',
    });
  }
  const check: PhoneCheck = { input: raw, normalized: parsed.number, kind: 'international', errors: [], warnings: [] };
  if (parsed.country) check.country = parsed.country;
  return check;
}

function invalid(raw: string, path: string, detail: { zh: string; en: string }): PhoneCheck {
  return { input: raw, errors: [issue('PHONE_FORMAT', path, detail)], warnings: [] };
}
