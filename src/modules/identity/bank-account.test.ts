import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBankAccount, normalizeAccountNo } from './bank-account.js';
import { lookupBin } from './bank-bins.js';
import { luhnCheckDigit, luhnValid } from './luhn.js';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('issuing bank from the BIN (Luhn-valid numbers built on real BINs)', () => {
  it.each([
    ['6222021001123456789', 'ICBC', '中国工商银行', 'debit'],
    ['6217001234567890122', 'CCB', '中国建设银行', 'debit'],
    ['6228480123456789015', 'ABC', '中国农业银行', 'debit'],
    ['6216611234567890126', 'BOC', '中国银行', 'debit'],
    ['6225881234567898', 'CMB', '招商银行', 'debit'],
    ['6222601234567890126', 'COMM', '交通银行', 'debit'],
  ])('%s → %s', (number, code, name, cardType) => {
    const result = checkBankAccount(number, { bankCode: code });
    expect(result).toMatchObject({ normalized: number, luhnValid: true, bank: { code, name }, cardType });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('prefers the longest matching prefix', () => {
    expect(lookupBin('6224980000000000000')?.bankCode).toBe('BHB');
    expect(lookupBin('6224980200000000000')?.bankCode).toBe('QHDCCB');
  });

  it('matches the card length too', () => {
    expect(lookupBin('622202100112345678')).toBeUndefined(); // ICBC 622202 cards have 19 digits
  });
});

describe('normalisation', () => {
  it.each([
    ['6222 0210 0112 3456 789', '6222021001123456789'],
    ['6222-0210-0112-3456-789', '6222021001123456789'],
    ['６２２２０２１００１１２３４５６７８９', '6222021001123456789'],
    [' 6222\u300002100112\t3456789 ', '6222021001123456789'],
  ])('%j → %s', (raw, digits) => {
    expect(normalizeAccountNo(raw)).toBe(digits);
    const result = checkBankAccount(raw);
    expect(result.normalized).toBe(digits);
    expect(result.errors).toEqual([]);
    expect(result.input).toBe(raw);
  });
});

describe('format, Luhn and bank code', () => {
  it.each([
    ['1234567', '7'],
    ['1234567890123456789012345678901', '31'],
    ['', '0'],
    ['6222O21001123456789', 'characters other than digits'],
    ['6222/0210/0112', 'characters other than digits'],
  ])('%j → ACCOUNT_FORMAT (%s)', (raw, detail) => {
    const result = checkBankAccount(raw, { path: 'payerAccount.accountNo' });
    expect(codes(result.errors)).toEqual(['ACCOUNT_FORMAT']);
    expect(result.errors[0]?.path).toBe('payerAccount.accountNo');
    expect(result.errors[0]?.message).toContain(detail);
    expect(result.luhnValid).toBe(false);
  });

  it('accepts 8 and 30 digits', () => {
    expect(checkBankAccount('12345678').errors).toEqual([]);
    expect(checkBankAccount('1'.repeat(30)).errors).toEqual([]);
  });

  it('gives a Luhn failure on a card number as a warning, never an error', () => {
    const result = checkBankAccount('6222021001123456788');
    expect(result.errors).toEqual([]);
    expect(result.luhnValid).toBe(false);
    expect(codes(result.warnings)).toEqual(['ACCOUNT_LUHN']);
    expect(result.bank?.code).toBe('ICBC');
  });

  it('does not apply Luhn to account numbers that are not card numbers', () => {
    const passbook = checkBankAccount('110012345678'); // 12 digits: no Luhn digit
    expect(passbook.luhnValid).toBe(false);
    expect(passbook.warnings).toEqual([]);
  });

  it('warns when the BIN says another bank than the code given', () => {
    const result = checkBankAccount('6217001234567890122', { bankCode: 'ICBC', path: 'payerAccount.accountNo' });
    expect(result.errors).toEqual([]);
    expect(codes(result.warnings)).toEqual(['ACCOUNT_BANK_MISMATCH']);
    expect(result.warnings[0]?.message).toContain('CCB');
    expect(result.warnings[0]?.message).toContain('ICBC');
  });

  it.each(['ccb', ' CCB ', '105', '中国建设银行'])('takes %j for the same bank', (bankCode) => {
    expect(checkBankAccount('6217001234567890122', { bankCode }).warnings).toEqual([]);
  });

  it('says nothing about the bank when none is given or the BIN is unknown', () => {
    expect(checkBankAccount('6217001234567890122', { bankCode: null }).warnings).toEqual([]);
    expect(lookupBin('1234567890123452')).toBeUndefined();
    expect(checkBankAccount('1234567890123452', { bankCode: 'ICBC' }).warnings).toEqual([]);
  });
});

describe('Luhn properties', () => {
  const body = fc.stringMatching(/^\d{14,18}$/);

  it('a body with its computed check digit passes', () => {
    fc.assert(
      fc.property(body, (digits) => {
        expect(luhnValid(digits + luhnCheckDigit(digits))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every single-digit error', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const valid = digits + luhnCheckDigit(digits);
        const position = at % valid.length;
        const changed = String((Number(valid[position]) + delta) % 10);
        const mutated = valid.slice(0, position) + changed + valid.slice(position + 1);
        expect(luhnValid(mutated)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('a card-like number failing Luhn gets exactly the ACCOUNT_LUHN warning', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^62\d{14}$/), (digits) => {
        const result = checkBankAccount(digits);
        expect(result.errors).toEqual([]);
        expect(codes(result.warnings).includes('ACCOUNT_LUHN')).toBe(!luhnValid(digits));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with known vectors', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('1234a')).toBe(false);
  });
});
