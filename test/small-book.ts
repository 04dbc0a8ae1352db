import { importAgents } from '../src/modules/agents/agents.service.js';
import { importApplications } from '../src/modules/intake/intake.service.js';
import { scanBook } from '../src/modules/linkage/scan.service.js';
import type { TestStore } from './harness.js';
import { writeJsonl } from './harness.js';
import { agent, application, residentId } from './records.js';

function person(name: string, gender: 'M' | 'F', birthDate: string, seq: string, phone: string) {
  return {
    name,
    gender,
    birthDate,
    idType: 'RESIDENT_ID',
    idNo: residentId('440106', birthDate, seq),
    address: `广东省广州市天河区体育西路${seq}号`,
    phones: [phone],
  };
}

/** The shared phones of the book, for tests that look for them in plaintext. */
export const SMALL_BOOK_PHONES = ['13800138000', '13911112222'];

/**
 * Four policies: two agent-channel customers in GD-GZ sharing a phone, two bancassurance
 * customers in BJ-HQ sharing another; scanned as of 2026-11-30, so each pair raises items.
 */
export async function loadSmallBook(store: TestStore): Promise<void> {
  await importAgents(
    store,
    writeJsonl(store.dir, 'small-agents.jsonl', [
      agent(),
      agent({
        agentCode: 'B1',
        kind: 'bancassurance_specialist',
        branchCode: 'BJ-HQ',
        idNo: null,
        idType: null,
        phones: [],
        relatives: [],
      }),
    ]),
  );
  const policy = (policyNo: string, applicant: ReturnType<typeof person>, extra: Record<string, unknown> = {}) =>
    application({ policyNo, applicant, payerAccount: null, beneficiaries: [], ...extra });
  const bank = { channel: 'bancassurance', agentCode: 'B1', branchCode: 'BJ-HQ' };
  await importApplications(
    store,
    writeJsonl(store.dir, 'small-book.jsonl', [
      policy('P1', person('张伟', 'M', '1980-01-01', '123', '13800138000')),
      policy('P2', person('李娜', 'F', '1982-05-20', '246', '138 0013 8000')),
      policy('P3', person('陈静', 'F', '1975-03-03', '322', '13911112222'), bank),
      policy('P4', person('周强', 'M', '1977-04-04', '411', '139-1111-2222'), bank),
    ]),
  );
  await scanBook(store, { asOf: '2026-11-30' });
}
