import { describe, expect, it } from 'vitest';
import { application, CHILD_ID, LI_NA_ID, residentId, ZHANG_WEI_ID } from '../../../test/records.js';
import { type AgentFacts, type GateContext, gateApplication } from './gate.js';

const AGENTS: Record<string, AgentFacts> = {
  A10023: { kind: 'agent', qualifiedOn: '2026-03-02' },
  A20001: { kind: 'agent', qualifiedOn: null },
  A20002: { kind: 'agent', qualifiedOn: '2026-11-29' },
  A20003: { kind: 'agent', qualifiedOn: '2026-11-30' },
  B30001: { kind: 'bancassurance_specialist', qualifiedOn: '2025-01-01' },
  G40001: { kind: 'agency', qualifiedOn: null },
};
const context: GateContext = { agents: (code) => AGENTS[code], today: '2026-12-03' };

function errorsOf(record: Record<string, unknown>): Array<[string, string]> {
  return gateApplication(record, context).errors.map((e) => [e.code, e.path]);
}

function applicant(overrides: Record<string, unknown>) {
  return { ...(application().applicant as object), ...overrides };
}

const spouseInsured = {
  relationToApplicant: 'spouse',
  name: '李娜',
  gender: 'F',
  birthDate: '1982-05-20',
  idType: 'RESIDENT_ID',
  idNo: LI_NA_ID,
};

describe('the underwriting gate (INTERCHANGE §3)', () => {
  it('accepts a complete, consistent application', () => {
    const outcome = gateApplication(application(), context);
    expect(outcome).toMatchObject({ policyNo: 'P2026112900001', accepted: true, errors: [] });
  });

  it('gives every reason with code, path, bilingual message and clause', () => {
    const outcome = gateApplication(application({ applicant: applicant({ gender: 'F', address: '' }) }), context);
    expect(outcome.accepted).toBe(false);
    expect(outcome.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'MISSING_FIELD', path: 'applicant.address', clause: 'P5.5' }),
        expect.objectContaining({ code: 'GENDER_MISMATCH', path: 'applicant.gender', clause: 'P5.6' }),
      ]),
    );
    for (const e of outcome.errors) expect(e.message).toMatch(/[\u4e00-\u9fff].*\(.*[a-z].*\)$/);
  });

  describe('MISSING_FIELD (P5.5)', () => {
    it.each(['name', 'gender', 'birthDate', 'idType', 'idNo', 'address'])('applicant.%s absent', (field) => {
      const a = applicant({});
      delete (a as Record<string, unknown>)[field];
      expect(errorsOf(application({ applicant: a }))).toContainEqual(['MISSING_FIELD', `applicant.${field}`]);
    });
    it.each(['name', 'address', 'idNo'])('applicant.%s blank', (field) => {
      expect(errorsOf(application({ applicant: applicant({ [field]: '   ' }) }))).toContainEqual([
        'MISSING_FIELD',
        `applicant.${field}`,
      ]);
    });
    it.each([[[]], [['', ' ']], [null]])('applicant without a phone: %j', (phones) => {
      expect(errorsOf(application({ applicant: applicant({ phones }) }))).toEqual([
        ['MISSING_FIELD', 'applicant.phones'],
      ]);
    });
    it.each(['name', 'gender', 'birthDate', 'idType', 'idNo'])('adult insured.%s absent', (field) => {
      const insured: Record<string, unknown> = { ...spouseInsured };
      delete insured[field];
      expect(errorsOf(application({ insured }))).toContainEqual(['MISSING_FIELD', `insured.${field}`]);
    });
    it('insured address and phone are not key data', () => {
      expect(errorsOf(application({ insured: spouseInsured }))).toEqual([]);
    });
  });

  describe('the minor exemption (P5.5), computed on appliedAt', () => {
    const child = (birthDate: string) => ({
      relationToApplicant: 'child',
      name: '张小明',
      gender: 'M',
      birthDate,
      idType: 'BIRTH_CERTIFICATE',
    });
    it('a minor insured needs no ID number', () => {
      const outcome = gateApplication(application({ insured: child('2015-03-08') }), context);
      expect(outcome.errors).toEqual([]);
      expect(outcome.warnings.map((w) => w.code)).toContain('MINOR_WITHOUT_ID');
    });
    it('the day before the 18th birthday is still a minor', () => {
      expect(errorsOf(application({ insured: child('2008-11-30') }))).toEqual([]);
    });
    it('on the 18th birthday itself the insured is an adult', () => {
      expect(errorsOf(application({ insured: child('2008-11-29') }))).toEqual([['MISSING_FIELD', 'insured.idNo']]);
    });
    it('age counts on appliedAt in China time, not today', () => {
      const late = application({ insured: child('2008-11-30'), appliedAt: '2026-11-29T17:30:00Z' });
      expect(errorsOf(late)).toEqual([['MISSING_FIELD', 'insured.idNo']]);
    });
    it('a minor with an ID number is still checked', () => {
      const bad = `${CHILD_ID.slice(0, 17)}${CHILD_ID.endsWith('1') ? '2' : '1'}`;
      expect(errorsOf(application({ insured: { ...child('2015-03-08'), idType: 'RESIDENT_ID', idNo: bad } }))).toEqual([
        ['ID_CHECKSUM', 'insured.idNo'],
      ]);
    });
  });

  describe('identity (P5.6)', () => {
    it('ID_FORMAT: not the form of its type', () => {
      expect(errorsOf(application({ applicant: applicant({ idNo: '11010119800101' }) }))).toContainEqual([
        'ID_FORMAT',
        'applicant.idNo',
      ]);
    });
    it('ID_CHECKSUM: wrong check character', () => {
      const wrong = `${ZHANG_WEI_ID.slice(0, 17)}${ZHANG_WEI_ID.endsWith('0') ? '1' : '0'}`;
      expect(errorsOf(application({ applicant: applicant({ idNo: wrong }), payerAccount: null }))).toEqual([
        ['ID_CHECKSUM', 'applicant.idNo'],
      ]);
    });
    it('lower-case x is the check character 10', () => {
      let id = '';
      for (let seq = 100; !id.endsWith('X'); seq++) id = residentId('440113', '1990-10-05', String(seq));
      const g = Number(id[16]) % 2 === 1 ? 'M' : 'F';
      const a = applicant({ idNo: id.toLowerCase(), gender: g, birthDate: '1990-10-05' });
      expect(errorsOf(application({ applicant: a, payerAccount: null }))).toEqual([]);
    });
    it('ID_REGION: no such province', () => {
      const id = residentId('990101', '1980-01-01', '123');
      expect(errorsOf(application({ applicant: applicant({ idNo: id }), payerAccount: null }))).toEqual([
        ['ID_REGION', 'applicant.idNo'],
      ]);
    });
    it('an unknown county code is only a warning', () => {
      const id = residentId('235407', '1980-01-01', '123');
      const outcome = gateApplication(application({ applicant: applicant({ idNo: id }), payerAccount: null }), context);
      expect(outcome.errors).toEqual([]);
      expect(outcome.warnings.map((w) => w.code)).toContain('ID_REGION_COUNTY');
    });
    it('ID_BIRTHDATE: not a real date, or in the future', () => {
      for (const birth of ['19800230', '20271201']) {
        const first17 = `110101${birth}123`;
        const id = residentId('110101', `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`, '123');
        expect(first17).toBe(id.slice(0, 17));
        const codes = errorsOf(application({ applicant: applicant({ idNo: id }), payerAccount: null }));
        expect(codes).toContainEqual(['ID_BIRTHDATE', 'applicant.idNo']);
      }
    });
    it('GENDER_MISMATCH', () => {
      expect(errorsOf(application({ applicant: applicant({ gender: 'F' }) }))).toEqual([
        ['GENDER_MISMATCH', 'applicant.gender'],
      ]);
    });
    it('BIRTHDATE_MISMATCH', () => {
      expect(errorsOf(application({ applicant: applicant({ birthDate: '1980-01-02' }) }))).toEqual([
        ['BIRTHDATE_MISMATCH', 'applicant.birthDate'],
      ]);
    });
    it('checks the insured the same way', () => {
      expect(errorsOf(application({ insured: { ...spouseInsured, gender: 'M' } }))).toEqual([
        ['GENDER_MISMATCH', 'insured.gender'],
      ]);
    });
  });

  describe('PHONE_FORMAT (P5.5)', () => {
    it.each(['+86 138-0013-8000', '0086 13800138000', '138 0013 8000', '020-8888 1234', '+1 650 253 0000'])(
      'accepts %s',
      (phone) => {
        expect(errorsOf(application({ applicant: applicant({ phones: [phone] }) }))).toEqual([]);
      },
    );
    it.each(['1380013800', '12345', '23800138000'])('rejects %s with its index', (phone) => {
      expect(errorsOf(application({ applicant: applicant({ phones: ['13800138000', phone] }) }))).toEqual([
        ['PHONE_FORMAT', 'applicant.phones[1]'],
      ]);
    });
  });

  describe('PAYER_NOT_APPLICANT (P5.11)', () => {
    const payer = (overrides: Record<string, unknown>) => ({
      ...(application().payerAccount as object),
      ...overrides,
    });
    it('holder ID differs', () => {
      expect(errorsOf(application({ payerAccount: payer({ holderIdNo: LI_NA_ID, holderName: '李娜' }) }))).toEqual([
        ['PAYER_NOT_APPLICANT', 'payerAccount.holderIdNo'],
      ]);
    });
    it('no holder ID and the name differs', () => {
      expect(errorsOf(application({ payerAccount: payer({ holderIdNo: null, holderName: '李娜' }) }))).toEqual([
        ['PAYER_NOT_APPLICANT', 'payerAccount.holderName'],
      ]);
    });
    it('an approval reference allows another payer', () => {
      const approved = payer({ holderIdNo: LI_NA_ID, holderName: '李娜', approvalRef: 'APR-2026-0042' });
      expect(errorsOf(application({ payerAccount: approved }))).toEqual([]);
    });
    it('the same ID written with lower case and spaces is the applicant', () => {
      const spaced = `${ZHANG_WEI_ID.slice(0, 6)} ${ZHANG_WEI_ID.slice(6)}`.toLowerCase();
      expect(errorsOf(application({ payerAccount: payer({ holderIdNo: spaced }) }))).toEqual([]);
    });
  });

  describe('the seller (P5.10–11)', () => {
    it('AGENT_UNKNOWN: code not in the register', () => {
      expect(errorsOf(application({ agentCode: 'A99999' }))).toEqual([['AGENT_UNKNOWN', 'agentCode']]);
    });
    it('AGENT_UNKNOWN: agency channel with an unknown agency', () => {
      expect(errorsOf(application({ channel: 'agency', agentCode: null, agencyCode: 'G49999' }))).toEqual([
        ['AGENT_UNKNOWN', 'agencyCode'],
      ]);
    });
    it('a registered agency sells without a personal qualification', () => {
      expect(errorsOf(application({ channel: 'agency', agentCode: null, agencyCode: 'G40001' }))).toEqual([]);
    });
    it('AGENT_NOT_QUALIFIED: never qualified', () => {
      expect(errorsOf(application({ agentCode: 'A20001' }))).toEqual([['AGENT_NOT_QUALIFIED', 'agentCode']]);
    });
    it('AGENT_NOT_QUALIFIED: qualified after appliedAt', () => {
      expect(errorsOf(application({ agentCode: 'A20003' }))).toEqual([['AGENT_NOT_QUALIFIED', 'agentCode']]);
    });
    it('qualified on the application day itself is qualified', () => {
      expect(errorsOf(application({ agentCode: 'A20002' }))).toEqual([]);
    });
  });

  it('a term under 12 months is outside P5.4: findings are warnings, underwriting not blocked', () => {
    const short = application({ termMonths: 6, agentCode: 'A99999', applicant: applicant({ gender: 'F' }) });
    const outcome = gateApplication(short, context);
    expect(outcome.accepted).toBe(true);
    expect(outcome.warnings.map((w) => w.code)).toEqual(['OUT_OF_SCOPE_TERM', 'GENDER_MISMATCH', 'AGENT_UNKNOWN']);
    expect(gateApplication(application({ termMonths: 12, agentCode: 'A99999' }), context).accepted).toBe(false);
    expect(gateApplication(application({ termMonths: 6, policyNo: '' }), context).errors.map((e) => e.code)).toEqual([
      'MISSING_FIELD',
    ]);
  });

  it('reads wrong types and values as FIELD_INVALID, without throwing', () => {
    const outcome = gateApplication(application({ channel: 'phone', applicant: applicant({ gender: 'X' }) }), context);
    expect(outcome.errors.map((e) => [e.code, e.path])).toEqual(
      expect.arrayContaining([
        ['FIELD_INVALID', 'channel'],
        ['FIELD_INVALID', 'applicant.gender'],
      ]),
    );
    expect(outcome.errors.map((e) => e.path).filter((p) => p === 'applicant.gender')).toHaveLength(1);
    expect(() => gateApplication('not an object', context)).not.toThrow();
  });
});
