import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Providers } from '../../../app';
import type { ContactVersion, MaskedValues } from '../../../services/types';
import { sessionOf } from '../../../test/render';
import { ContactHistory } from './contact-history';

const VALUES: MaskedValues = {
  name: '张*',
  idNo: null,
  gender: 'M',
  birthDate: '1980-01-**',
  phones: ['138****8000', '020****1234'],
  address: '北京市东城区****',
  accountNo: null,
};

const version = (extra: Partial<ContactVersion>): ContactVersion => ({
  version: 1,
  recordedAt: '2026-12-03T01:00:00.000Z',
  policyNo: 'P1',
  submissionId: 1,
  role: 'applicant',
  changed: [],
  values: VALUES,
  ...extra,
});

describe('联系方式变更记录', () => {
  it('shows each version the server lists with the masked value of each changed field', () => {
    render(
      <Providers session={sessionOf('customer_service')} lang="zh-CN">
        <ContactHistory
          history={[
            version({ version: 2, submissionId: 2, changed: ['phones'] }),
            version({ changed: ['name', 'address'] }),
          ]}
        />
      </Providers>,
    );
    expect(screen.getByText('第 2 版')).toBeTruthy();
    expect(screen.getByText('第 1 版')).toBeTruthy();
    expect(screen.getByText('138****8000、020****1234')).toBeTruthy();
    expect(screen.getByText('张*')).toBeTruthy();
    expect(screen.getByText('北京市东城区****')).toBeTruthy();
  });
});
