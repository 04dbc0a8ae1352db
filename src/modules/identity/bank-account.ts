/**
 * Bank account numbers of payer accounts (INTERCHANGE §3–4): digits only once spaces and dashes
 * are removed, 8 to 30 of them. A card number failing Luhn is only a warning (some real UnionPay
 * numbers do); the issuing bank comes from our BIN table and is compared with the bank code given.
 */
import { type Issue, issue } from '../../shared/codes.js';
import { type CardType, lookupBin } from './bank-bins.js';
import { luhnValid } from './luhn.js';
import { foldFullWidth } from './text.js';

export interface BankAccountCheck {
  input: string;
  /** Digits only when the number is well-formed; otherwise the input without spaces and dashes. */
  normalized: string;
  errors: Issue[];
  warnings: Issue[];
  luhnValid: boolean;
  bank?: { code: string; name: string };
  cardType?: CardType;
}

const SPACES_AND_DASHES = /[\s\u200b-\u200d\ufeff\-\u2010-\u2015\u2212]+/g;
const ACCOUNT_DIGITS = /^\d{8,30}$/;
/** Card numbers (ISO/IEC 7812) are 15–19 digits; the networks in use here start with 3–6. */
const CARD_LIKE = /^[3-6]\d{14,18}$/;

/**
 * Bank codes people send for the banks of the BIN table: common abbreviations and the CNAPS
 * bank-class codes (行别代码) of the national and joint-stock banks.
 */
const BANK_CODE_ALIASES = new Map<string, string>([
  ['BOCOM', 'COMM'],
  ['BCM', 'COMM'],
  ['PAB', 'SPABANK'],
  ['PINGAN', 'SPABANK'],
  ['CGB', 'GDB'],
  ['HXB', 'HXBANK'],
  ['BOB', 'BJBANK'],
  ['BOS', 'SHBANK'],
  ['NBCB', 'NBBANK'],
  ['CZB', 'CZBANK'],
  ['EGB', 'EGBANK'],
  ['102', 'ICBC'],
  ['103', 'ABC'],
  ['104', 'BOC'],
  ['105', 'CCB'],
  ['301', 'COMM'],
  ['302', 'CITIC'],
  ['303', 'CEB'],
  ['304', 'HXBANK'],
  ['305', 'CMBC'],
  ['306', 'GDB'],
  ['307', 'SPABANK'],
  ['308', 'CMB'],
  ['309', 'CIB'],
  ['310', 'SPDB'],
  ['315', 'EGBANK'],
  ['316', 'CZBANK'],
  ['318', 'BOHAIB'],
  ['403', 'PSBC'],
]);

export function normalizeAccountNo(raw: string): string {
  return foldFullWidth(raw).replace(SPACES_AND_DASHES, '');
}

export function checkBankAccount(
  raw: string,
  opts: { bankCode?: string | null; path?: string } = {},
): BankAccountCheck {
  const path = opts.path ?? 'accountNo';
  const normalized = normalizeAccountNo(raw);
  const check: BankAccountCheck = { input: raw, normalized, errors: [], warnings: [], luhnValid: false };
  if (!ACCOUNT_DIGITS.test(normalized)) {
    check.errors.push(
      issue('ACCOUNT_FORMAT', path, {
        zh: /^\d*$/.test(normalized) ? `现为${normalized.length}位` : '含有数字以外的字符',
        en: /^\d*$/.test(normalized)
          ? `this one has ${normalized.length} digits`
          : 'it contains characters other than digits',
      }),
    );
    return check;
  }
  check.luhnValid = luhnValid(normalized);
  const bin = lookupBin(normalized);
  if (bin) {
    check.bank = { code: bin.bankCode, name: bin.bankName };
    check.cardType = bin.cardType;
  }
  // Passbook and corporate account numbers carry no Luhn digit: only card numbers are checked.
  if (!check.luhnValid && (bin || CARD_LIKE.test(normalized))) {
    check.warnings.push(issue('ACCOUNT_LUHN', path));
  }
  const given = opts.bankCode?.trim();
  if (given && bin && !sameBank(given, bin.bankCode, bin.bankName)) {
    check.warnings.push(
      issue('ACCOUNT_BANK_MISMATCH', path, {
        zh: `卡号属于${bin.bankName}（${bin.bankCode}），所填银行代码为${given}`,
        en: `the card is issued by ${bin.bankCode} (${bin.bankName}), the bank code given is ${given}`,
      }),
    );
  }
  return check;
}

function sameBank(given: string, binBankCode: string, binBankName: string): boolean {
  const upper = given.toUpperCase();
  return upper === binBankCode || BANK_CODE_ALIASES.get(upper) === binBankCode || given === binBankName;
}
