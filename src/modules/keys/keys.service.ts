import type { Deps } from '../../platform/context.js';
import { addEncryptionKey, loadKeyring } from '../../platform/crypto/keyring.js';
import { createSealer } from '../../platform/crypto/sealer.js';
import { AppError } from '../../platform/errors.js';
import { resealEvidenceFiles } from '../cases/evidence.service.js';
import { pageOfSealed, SEALED_COLUMNS, updateSealed } from './keys.repository.js';

/**
 * Key rotation: a new encryption key becomes active and every sealed value is re-encrypted with
 * it, page by page (one transaction a page, so an interrupted rotation simply runs again).
 * The blind-index key is not rotated: links and look-ups stay valid.
 */
export async function rotateKeys(deps: Deps): Promise<{ activeKeyId: string; resealed: number }> {
  const config = deps.config;
  if (config.keysJson) {
    throw new AppError('BAD_INPUT', {
      zh: '密钥来自环境变量 VERACITY_KEYS，无法自动写入新密钥：请改用密钥文件（VERACITY_KEY_FILE）后再轮换',
      en: 'the keys come from VERACITY_KEYS, where no new key can be written: use a key file (VERACITY_KEY_FILE) to rotate',
    });
  }
  const activeKeyId = addEncryptionKey(config.keyFile);
  const sealer = createSealer(loadKeyring(config));
  let resealed = 0;
  for (const column of SEALED_COLUMNS) {
    let after: unknown[] | undefined;
    for (;;) {
      const rows = await pageOfSealed(deps.db.kysely, column, after, 1000);
      if (rows.length === 0) break;
      await deps.db.kysely.transaction().execute(async (trx) => {
        for (const row of rows) {
          const sealed = row.sealed as Uint8Array;
          if (sealer.keyIdOf(sealed) === activeKeyId) continue;
          const aad = column.aad(row);
          await updateSealed(trx, column, row, sealer.seal(sealer.open(sealed, aad), aad));
          resealed++;
        }
      });
      const last = rows[rows.length - 1] as Record<string, unknown>;
      after = column.key.map((k) => last[k]);
    }
  }
  // The evidence files on disk are sealed values too (P5.13).
  resealed += await resealEvidenceFiles(deps, sealer);
  deps.logger.info({ activeKeyId, resealed }, 'keys rotated');
  return { activeKeyId, resealed };
}
