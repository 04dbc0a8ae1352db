/**
 * Documents checked by form only (no check digit is published for them, P5.6 "follow the coding
 * rules" as far as they are known). Accepted forms, after normalisation (upper-case, no spaces):
 *
 * - PASSPORT: 5–17 letters and digits, at least one digit (ICAO 9303 allows up to 9 in the MRZ,
 *   some countries print longer numbers). Chinese passports are E + 8 digits, E + letter + 7 digits,
 *   G + 8 digits (before 2012), D/S/P + 7–8 digits (diplomatic, service, public affairs) — all inside.
 * - HK_MACAU_PASS (港澳居民来往内地通行证): H (Hong Kong) or M (Macau) + 8 digits; the older card
 *   added 2 digits counting re-issues (H/M + 10 digits).
 * - TAIWAN_PASS (台湾居民来往大陆通行证): 8 digits (card since 2015); older booklets 10 digits, or
 *   7–8 digits followed by a 1–2 character issue mark, optionally in parentheses: 1234567(B).
 * - MILITARY_ID (军官证、士兵证、文职干部证 …): an optional Chinese prefix of up to 8 characters
 *   (南字第, 军字第 …), 4–20 letters and digits of which at least 4 digits, an optional 号.
 * - BIRTH_CERTIFICATE (出生医学证明): a letter and 9 digits.
 * - OTHER: anything printable, 1–64 characters.
 */

import { issue } from '../../shared/codes.js';
import type { IdType } from '../../shared/contract.js';
import { emptyFindings, type IdCheckContext, type IdFindings } from './id-findings.js';

type FormOnlyIdType = Exclude<IdType, 'RESIDENT_ID' | 'HMT_RESIDENCE_PERMIT' | 'FOREIGN_PERMANENT_RESIDENT'>;

interface FormRule {
  test(number: string): boolean;
  zh: string;
  en: string;
}

const PASSPORT = /^[A-Z0-9]{5,17}$/;
const HAS_DIGIT = /\d/;
const MILITARY = /^[\u4e00-\u9fff]{0,8}[A-Z0-9]{4,20}号?$/u;
const FOUR_DIGITS = /\d(?:\D*\d){3}/;
const PRINTABLE = /^[^\p{Cc}\p{Cs}]{1,64}$/u;

const RULES: Record<FormOnlyIdType, FormRule> = {
  PASSPORT: {
    test: (n) => PASSPORT.test(n) && HAS_DIGIT.test(n),
    zh: '护照号码应为5至17位字母和数字，且含数字',
    en: 'a passport number is 5 to 17 letters and digits, with at least one digit',
  },
  HK_MACAU_PASS: {
    test: (n) => /^[HM]\d{8}(?:\d{2})?$/.test(n),
    zh: '港澳居民来往内地通行证号码应为H或M加8位（旧版10位）数字',
    en: 'a Hong Kong/Macau travel permit number is H or M followed by 8 digits (10 on older cards)',
  },
  TAIWAN_PASS: {
    test: (n) => /^(?:\d{8}|\d{10}|\d{7,8}(?:[A-Z0-9]{1,2}|\([A-Z0-9]{1,2}\)))$/.test(n),
    zh: '台湾居民来往大陆通行证号码应为8位数字（旧版10位，或7至8位数字加签发次数）',
    en: 'a Taiwan travel permit number is 8 digits (older: 10 digits, or 7–8 digits and an issue mark)',
  },
  MILITARY_ID: {
    test: (n) => MILITARY.test(n) && FOUR_DIGITS.test(n),
    zh: '军人证件号码应为可选的中文字头（如“南字第”）加4至20位字母数字（至少4位数字）',
    en: 'a military ID number is an optional Chinese prefix and 4 to 20 letters and digits (at least 4 digits)',
  },
  BIRTH_CERTIFICATE: {
    test: (n) => /^[A-Z]\d{9}$/.test(n),
    zh: '出生医学证明编号应为1位字母加9位数字',
    en: 'a birth certificate number is a letter followed by 9 digits',
  },
  OTHER: {
    test: (n) => PRINTABLE.test(n),
    zh: '证件号码应为1至64个可打印字符',
    en: 'the number must be 1 to 64 printable characters',
  },
};

export function isFormOnlyIdType(idType: IdType): idType is FormOnlyIdType {
  return idType in RULES;
}

export function checkByForm(idType: FormOnlyIdType, number: string, context: IdCheckContext): IdFindings {
  const findings = emptyFindings();
  const rule = RULES[idType];
  if (!rule.test(number)) findings.errors.push(issue('ID_FORMAT', context.path, { zh: rule.zh, en: rule.en }));
  return findings;
}
