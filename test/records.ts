import { mod11CheckChar } from '../src/modules/identity/gb11643.js';
import type { AgentRecord } from '../src/shared/contract.js';

/** Small, readable factories for hand-written tests (the big generators live in test/generators). */
export function residentId(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${seq}`;
  return `${first17}${mod11CheckChar(first17)}`;
}

export const ZHANG_WEI_ID = residentId('110101', '1980-01-01', '123'); // odd sequence: male
export const LI_NA_ID = residentId('440106', '1982-05-20', '246'); // even: female
export const CHILD_ID = residentId('440106', '2015-03-08', '135');

export function agent(overrides: Partial<AgentRecord> = {}): AgentRecord {
  return {
    agentCode: 'A10023',
    kind: 'agent',
    name: '王芳',
    idType: 'RESIDENT_ID',
    idNo: residentId('440103', '1985-07-07', '062'),
    branchCode: 'GD-GZ',
    phones: ['13900001111'],
    address: '广东省广州市越秀区中山五路1号',
    qualifiedOn: '2026-03-02',
    relatives: [
      { name: '王强', relation: 'spouse', phones: ['13900002222'], address: '广东省广州市海珠区江南大道2号' },
    ],
    ...overrides,
  };
}

export function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    policyNo: 'P2026112900001',
    channel: 'agent',
    agentCode: 'A10023',
    agencyCode: null,
    branchCode: 'GD-GZ',
    productCode: 'WL-20',
    productType: 'traditional_life',
    termMonths: 240,
    appliedAt: '2026-11-29T10:15:00+08:00',
    receiptSignedAt: null,
    premium: { amount: '3600.00', currency: 'CNY', frequency: 'annual' },
    payerAccount: {
      bankCode: 'ICBC',
      accountNo: '6222 0212 3456 7890 128',
      holderName: '张伟',
      holderIdType: 'RESIDENT_ID',
      holderIdNo: ZHANG_WEI_ID,
    },
    applicant: {
      name: '张伟',
      gender: 'M',
      birthDate: '1980-01-01',
      idType: 'RESIDENT_ID',
      idNo: ZHANG_WEI_ID,
      address: '北京市东城区东长安街1号',
      phones: ['+86 138-0013-8000'],
      email: null,
    },
    insured: { relationToApplicant: 'self' },
    beneficiaries: [
      { name: '李娜', idType: 'RESIDENT_ID', idNo: LI_NA_ID, relationToInsured: 'spouse', sharePct: 100 },
    ],
    ...overrides,
  };
}
