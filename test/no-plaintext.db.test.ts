import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { importAgents } from '../src/modules/agents/agents.service.js';
import { importComplaints } from '../src/modules/complaints/complaints.service.js';
import { importApplications } from '../src/modules/intake/intake.service.js';
import { createLogger } from '../src/platform/logging.js';
import { createTestStore, type TestStore, writeJsonl } from './harness.js';
import { agent, application, LI_NA_ID, ZHANG_WEI_ID } from './records.js';

// JR/T 0171 C2 values must never be stored or logged in plaintext.
const KNOWN_VALUES = [
  ZHANG_WEI_ID,
  LI_NA_ID,
  '13800138000',
  '+8613800138000',
  '6222021234567890128',
  '6222 0212 3456 7890 128',
  '张伟',
  '李娜',
  '东长安街',
  '13900001111',
  '王芳',
  // from the rejected record: error messages are stored unmasked and must not repeat values
  '610104620927690',
  '610104196209276908',
  '1380013801',
  '19620927',
  '442079460000999',
  // from a complaint's free-text summary (INTERCHANGE §2a), sealed whole
  '赵德明',
  '13700137000',
];

describe('no plaintext personal data at rest or in logs', () => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.destroy();
  });

  it('greps the SQLite files and the logs for known values and finds none', async () => {
    const s = await createTestStore('sqlite');
    store = s;
    const logged: string[] = [];
    s.logger = createLogger(
      'trace',
      new Writable({
        write(chunk, _enc, done) {
          logged.push(String(chunk));
          done();
        },
      }),
    );
    await importAgents(s, writeJsonl(s.dir, 'agents.jsonl', [agent()]));
    const file = writeJsonl(s.dir, 'apps.jsonl', [
      application(),
      application({ policyNo: 'P2', applicant: { ...(application().applicant as object), gender: 'F' } }),
      application({
        policyNo: 'P3',
        applicant: {
          ...(application().applicant as object),
          idNo: '610104620927690',
          phones: ['1380013801', '+44 20 7946 0000 999'],
        },
      }),
    ]);
    await importApplications(s, file);
    const complaint = {
      complaintNo: 'C2026-00031',
      agentCode: 'A10023',
      policyNo: 'P2026112900001',
      receivedOn: '2026-11-30',
      kind: 'misleading_sales',
      verified: false,
      summary: '客户赵德明（电话13700137000）反映销售人员王芳夸大分红收益',
    };
    await importComplaints(s, writeJsonl(s.dir, 'complaints.jsonl', [complaint]));
    // A later verification is a second version, sealed too; a rejected line is reported, not stored.
    await importComplaints(
      s,
      writeJsonl(s.dir, 'verified.jsonl', [
        { ...complaint, verified: true, verifiedOn: '2026-12-01' },
        { ...complaint, complaintNo: 'C2', kind: '赵德明', verifiedOn: '13700137000' },
      ]),
    );
    // Read the files as they are on disk: the database and its write-ahead log, open and closed.
    const readStore = () =>
      fs
        .readdirSync(s.dir)
        .filter((f) => f.startsWith('veracity.db'))
        .map((f) => fs.readFileSync(path.join(s.dir, f)));
    const stored = readStore();
    await s.db.close();
    stored.push(...readStore());
    expect(stored.length).toBeGreaterThan(0);
    // Control: the grep does see what is stored in the clear (a policy number is not personal data).
    expect(stored.some((bytes) => bytes.includes(Buffer.from('P2026112900001')))).toBe(true);
    expect(stored.some((bytes) => bytes.includes(Buffer.from('C2026-00031')))).toBe(true);
    for (const value of KNOWN_VALUES) {
      for (const bytes of stored) expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
      expect(logged.join('').includes(value), value).toBe(false);
    }
    store = undefined;
    fs.rmSync(s.dir, { recursive: true, force: true });
  });
});
