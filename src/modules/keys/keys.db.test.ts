import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application } from '../../../test/records.js';
import { loadKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import { importAgents } from '../agents/agents.service.js';
import { importComplaints } from '../complaints/complaints.service.js';
import { importApplications } from '../intake/intake.service.js';
import { pageOfSealed, SEALED_COLUMNS } from './keys.repository.js';
import { rotateKeys } from './keys.service.js';

describe.each(DIALECTS)('keys rotate on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    // Rotation works on a key file: give the store one.
    store.keyring = loadKeyring({ keyFile: store.config.keyFile, keysJson: undefined });
    store.sealer = createSealer(store.keyring);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('re-encrypts every sealed value with the new key, and the book still reads', async () => {
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent()]));
    const apps = [
      application(),
      application({
        policyNo: 'P2',
        insured: {
          relationToApplicant: 'child',
          name: '张小明',
          gender: 'M',
          birthDate: '2016-01-01',
          idType: 'BIRTH_CERTIFICATE',
        },
      }),
    ];
    const file = writeJsonl(store.dir, 'apps.jsonl', apps);
    await importApplications(store, file);
    const complaint = {
      complaintNo: 'C1',
      agentCode: 'A10023',
      receivedOn: '2026-11-30',
      kind: 'service',
      verified: false,
      summary: '客户张伟反映回访电话未接通',
    };
    await importComplaints(store, writeJsonl(store.dir, 'complaints.jsonl', [complaint]));
    const verified = writeJsonl(store.dir, 'verified.jsonl', [
      { ...complaint, verified: true, verifiedOn: '2026-12-01' },
    ]);
    await importComplaints(store, verified);

    const result = await rotateKeys(store);
    expect(result.activeKeyId).toBe('k2');
    // Two submissions, the agent and its first version, the complaint and its two versions.
    expect(result.resealed).toBe(7);

    const rotated = createSealer(loadKeyring({ keyFile: store.config.keyFile, keysJson: undefined }));
    for (const column of SEALED_COLUMNS) {
      for (const row of await pageOfSealed(store.db.kysely, column, undefined, 10_000)) {
        expect(rotated.keyIdOf(row.sealed as Uint8Array)).toBe('k2');
        expect(() => rotated.open(row.sealed as Uint8Array, column.aad(row))).not.toThrow();
      }
    }
    // Blind indexes and digests did not change: the same file is still "unchanged".
    expect(await importApplications({ ...store, sealer: rotated }, file)).toMatchObject({ unchanged: 2 });
    expect(await importComplaints({ ...store, sealer: rotated }, verified)).toMatchObject({ unchanged: 1 });
    expect((await rotateKeys(store)).activeKeyId).toBe('k3');
  });
});
