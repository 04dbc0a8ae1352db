import { describe, expect, it } from 'vitest';
import { application } from '../../../test/records.js';
import { applyCorrection } from './correction.js';

describe('applying a correction to a stored record', () => {
  const record = application();
  it('changes only what was asked, names the fields and leaves the original alone', () => {
    const result = applyCorrection(record, {
      party: 'applicant',
      phones: ['13700001234'],
      accountNo: '6222021234567890128',
    });
    expect(result).toMatchObject({ fields: ['applicant.phones', 'payerAccount.accountNo'] });
    if (!('record' in result)) throw new Error('refused');
    expect(result.record.applicant).toMatchObject({ phones: ['13700001234'], address: '北京市东城区东长安街1号' });
    expect((record.applicant as { phones: string[] }).phones).toEqual(['+86 138-0013-8000']);
  });

  it('corrects an insured who is the applicant on the applicant, and a separate insured on the insured', () => {
    expect(applyCorrection(record, { party: 'insured', address: '广东省广州市越秀区北京路8号' })).toMatchObject({
      fields: ['applicant.address'],
    });
    const child = application({ insured: { relationToApplicant: 'child', name: '张小明', phones: [] } });
    expect(applyCorrection(child, { party: 'insured', phones: ['13700001234'] })).toMatchObject({
      fields: ['insured.phones'],
    });
  });

  it('refuses a change that changes nothing, or an account the record does not have', () => {
    expect(applyCorrection(record, { party: 'applicant', phones: ['+86 138-0013-8000'] })).toEqual({
      refusal: { zh: '更正内容与现有资料相同，没有可更正之处', en: 'the correction changes nothing' },
    });
    expect(applyCorrection(application({ payerAccount: null }), { party: 'applicant', accountNo: '1' })).toMatchObject({
      refusal: { en: 'the record has no payer account to correct' },
    });
    expect(applyCorrection('nope', { party: 'applicant', phones: ['1'] })).toMatchObject({
      refusal: expect.any(Object),
    });
  });
});
