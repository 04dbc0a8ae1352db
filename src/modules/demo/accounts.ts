import { type Rng, Weighted } from './prng.js';

export interface Bank {
  code: string;
  name: string;
  /** Debit-card BINs of this bank (checked against the `bankcardinfo` patterns). */
  bins: readonly string[];
  length: number;
}

export const BANKS: readonly Bank[] = [
  { code: 'ICBC', name: '中国工商银行', bins: ['622202', '621226', '622208'], length: 19 },
  { code: 'CCB', name: '中国建设银行', bins: ['621700', '622700', '436742'], length: 19 },
  { code: 'ABC', name: '中国农业银行', bins: ['622848', '622845'], length: 19 },
  { code: 'BOC', name: '中国银行', bins: ['621661', '621660', '621785'], length: 19 },
  { code: 'CMB', name: '招商银行', bins: ['622588', '621483', '621286'], length: 16 },
  { code: 'PSBC', name: '中国邮政储蓄银行', bins: ['621799', '622188'], length: 19 },
  { code: 'COMM', name: '交通银行', bins: ['622260', '622262'], length: 19 },
  { code: 'CIB', name: '兴业银行', bins: ['622909', '622908'], length: 18 },
  { code: 'CITIC', name: '中信银行', bins: ['621768'], length: 16 },
  { code: 'CMBC', name: '中国民生银行', bins: ['622622'], length: 16 },
  { code: 'CEB', name: '中国光大银行', bins: ['622660', '621489'], length: 16 },
  { code: 'GDB', name: '广发银行', bins: ['621462', '622568'], length: 19 },
  { code: 'SPABANK', name: '平安银行', bins: ['621626'], length: 19 },
];

const BANK_SHARES = new Weighted<Bank>(
  BANKS.map((bank) => {
    const share: Record<string, number> = { ICBC: 20, CCB: 18, ABC: 15, BOC: 10, CMB: 9, PSBC: 8, COMM: 6 };
    return [bank, share[bank.code] ?? 2] as const;
  }),
);

export function pickBank(rng: Rng): Bank {
  return BANK_SHARES.pick(rng);
}

export function bankByCode(code: string): Bank {
  const bank = BANKS.find((b) => b.code === code);
  if (!bank) throw new RangeError(`unknown demo bank ${code}`);
  return bank;
}

/** Luhn check digit for a payload of digits. */
export function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let d = payload.charCodeAt(payload.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A Luhn-valid debit card number on one of the bank's BINs, digits only. */
export function cardNumber(rng: Rng, bank: Bank): string {
  const bin = rng.pick(bank.bins);
  const payload = bin + rng.digits(bank.length - bin.length - 1);
  return payload + luhnCheckDigit(payload);
}

/** Account numbers arrive plain, in groups of four, or with dashes. */
export function writeAccount(rng: Rng, digits: string): string {
  const style = rng.int(0, 9);
  if (style < 7) return digits;
  const groups = digits.match(/.{1,4}/g) ?? [digits];
  return groups.join(style < 9 ? ' ' : '-');
}
