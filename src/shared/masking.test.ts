import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  maskAccountNo,
  maskAddress,
  maskBirthDate,
  maskIdNo,
  maskMiddle,
  maskName,
  maskNumbersInText,
  maskPhone,
} from './masking.js';

describe('masking personal values (P5.21)', () => {
  it('keeps the first 6 and last 4 of an ID number', () => {
    expect(maskIdNo('11010119800101123X')).toBe('110101********123X');
    expect(maskIdNo('11010119800101123x')).toBe('110101********123X');
  });

  it('keeps the first 3 and last 4 digits of the national number of a phone', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskPhone('+8613800138000')).toBe('138****8000');
    expect(maskPhone('+86 138-0013-8000')).toBe('138****8000');
    expect(maskPhone('0086 138 0013 8000')).toBe('138****8000');
    expect(maskPhone('020-8888 1234')).toBe('020****1234');
    expect(maskPhone('+85291234567')).toBe('+852****4567');
  });

  it('keeps the first 6 and last 4 digits of a bank account', () => {
    expect(maskAccountNo('6222 0212 3456 7890 128')).toBe('622202*********0128');
  });

  it('keeps the first character of a Chinese name and the initials of a Latin one', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('买买提·艾力')).toBe('买**·**');
    expect(maskName('John Smith')).toBe('J*** S****');
    expect(maskName('李')).toBe('*');
  });

  it('keeps the province and city prefix of an address', () => {
    expect(maskAddress('北京市东城区东长安街1号')).toBe('北京市东城区****');
    expect(maskAddress('北京')).toBe('北****');
  });

  it('keeps the year and month of a birth date', () => {
    expect(maskBirthDate('1980-01-01')).toBe('1980-01-**');
    expect(maskBirthDate('soon')).toBe('****-**-**');
  });

  it('keeps the ends, hides the middle, and always hides at least four characters', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789AXab'), maxLength: 40 }),
        fc.nat(8),
        fc.nat(8),
        (value, start, end) => {
          const masked = maskMiddle(value, start, end);
          expect(masked.length).toBe(value.length);
          const hidden = [...masked].filter((c) => c === '*').length;
          expect(hidden).toBeGreaterThanOrEqual(Math.min(4, value.length));
          if (value.length - start - end >= 4) {
            expect(masked.slice(0, start)).toBe(value.slice(0, start));
            expect(masked.slice(value.length - end)).toBe(value.slice(value.length - end));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never shows the hidden digits of an ID number, phone or account', () => {
    const digits = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(digits(17, 17), digits(10, 10), digits(16, 19), (id, phone, account) => {
        const idNo = `${id}X`;
        expect(maskIdNo(idNo)).toBe(`${idNo.slice(0, 6)}${'*'.repeat(8)}${idNo.slice(14)}`);
        const mobile = `1${phone}`;
        expect(maskPhone(`+86${mobile}`)).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
        const masked = maskAccountNo(account);
        expect(masked).toMatch(/^\d{6}\*+\d{4}$/);
        expect(masked.length).toBe(account.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows at most the first character of a Chinese name and six of an address', () => {
    const han = fc.string({ unit: fc.constantFrom(...'张王李赵欧阳娜伟芳强'), minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(han, (name) => {
        const masked = maskName(name);
        expect(masked.length).toBe(name.length);
        expect(masked.slice(1)).toMatch(/^\*+$/);
        expect(maskAddress(name + name)).toMatch(/^.{1,6}\*{4}$/u);
      }),
    );
  });
});

describe('numbers in free text', () => {
  it('masks anything long enough to be a phone, an ID or an account, and leaves the rest', () => {
    expect(maskNumbersInText('客户手机 13800138000，身份证 11010119800101123X，已核实')).toBe(
      '客户手机 138****8000，身份证 110***********123X，已核实',
    );
    expect(maskNumbersInText('账号 6222 0212 3456 7890 128 与 020-8888 1234')).toBe(
      '账号 622************0128 与 020****1234',
    );
    expect(maskNumbersInText('约定 12月5日 14:30 再联系，共 3 次，保单 123456')).toBe(
      '约定 12月5日 14:30 再联系，共 3 次，保单 123456',
    );
  });
});
