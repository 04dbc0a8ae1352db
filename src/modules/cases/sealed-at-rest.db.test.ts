import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextOf, FILES, itemOfPolicy, makeStaff } from '../../../test/cases.js';
import { createTestStore, DIALECTS, type TestStore } from '../../../test/harness.js';
import { loadSmallBook } from '../../../test/small-book.js';
import { loadKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import { pageOfSealed, SEALED_COLUMNS } from '../keys/keys.repository.js';
import { rotateKeys } from '../keys/keys.service.js';
import { distributeItems } from './distribution.service.js';
import { downloadEvidence, uploadEvidence } from './evidence.service.js';
import { recordWork } from './investigation.service.js';

// JR/T 0171 C2: staff notes, file names and evidence files are sealed, and `keys rotate` reseals them.
describe.each(DIALECTS)('the workflow’s sealed values under key rotation on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    store.keyring = loadKeyring({ keyFile: store.config.keyFile, keysJson: undefined });
    store.sealer = createSealer(store.keyring);
  });
  afterEach(async () => {
    await store.destroy();
  });

  it('reseals timeline notes, evidence names and files with the new key', async () => {
    await loadSmallBook(store);
    const kefu = await makeStaff(store, 'kefu', 'customer_service');
    const gz = await makeStaff(store, 'gz', 'channel_back_office', ['channel:agent', 'branch:GD-GZ']);
    const p1 = await itemOfPolicy(store, 'P1');
    await distributeItems(store, kefu, contextOf(kefu), [p1]);
    await recordWork(store, gz, contextOf(gz), p1, { kind: 'call', note: '与张伟本人通话' });
    const { evidence } = await uploadEvidence(store, gz, contextOf(gz), p1, {
      kind: 'customer_confirmation',
      fileName: '张伟确认书.png',
      content: FILES.png,
    });

    if (dialect === 'sqlite') {
      // The notes, the file name and the file's bytes are nowhere in the clear: not in the store, not on disk.
      const stored = [
        ...fs
          .readdirSync(store.dir)
          .filter((f) => f.startsWith('veracity.db'))
          .map((f) => path.join(store.dir, f)),
        ...fs.readdirSync(path.join(store.dir, 'evidence')).map((f) => path.join(store.dir, 'evidence', f)),
      ].map((file) => fs.readFileSync(file));
      expect(stored.some((bytes) => bytes.includes(Buffer.from('customer_confirmation')))).toBe(true);
      for (const value of [Buffer.from('张伟本人'), Buffer.from('张伟确认书'), FILES.png.subarray(8)]) {
        for (const bytes of stored) expect(bytes.includes(value)).toBe(false);
      }
    }

    const before = (await rotateKeys(store)).resealed;
    const rotated = createSealer(loadKeyring({ keyFile: store.config.keyFile, keysJson: undefined }));
    const q = store.db.kysely;
    const note = await q
      .selectFrom('problem_item_history')
      .select('detail_sealed')
      .where('action', '=', 'call')
      .executeTakeFirstOrThrow();
    expect(rotated.keyIdOf(note.detail_sealed as Uint8Array)).toBe('k2');
    const row = await q.selectFrom('item_evidence').selectAll().executeTakeFirstOrThrow();
    expect(rotated.keyIdOf(row.name_sealed)).toBe('k2');
    expect(rotated.keyIdOf(fs.readFileSync(path.join(store.config.dataDir, 'evidence', row.stored_name)))).toBe('k2');
    // Every sealed column's values, and the one file.
    let sealedValues = 0;
    for (const column of SEALED_COLUMNS) sealedValues += (await pageOfSealed(q, column, undefined, 10_000)).length;
    expect(before).toBe(sealedValues + 1);
    const file = await downloadEvidence({ ...store, sealer: rotated }, gz, contextOf(gz), p1, evidence.id);
    expect(file.content.equals(FILES.png)).toBe(true);
    expect(file.fileName).toBe('张伟确认书.png');
  });
});
