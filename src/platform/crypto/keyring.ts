import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';

/**
 * Keys for personal financial information (JR/T 0171 C2).
 * - Encryption keys (AES-256-GCM) carry an id; every sealed value names the key that sealed it,
 *   so `keys rotate` can add a key, make it active and re-encrypt at leisure.
 * - The blind-index key (HMAC-SHA256) is separate and does not rotate with them: changing it
 *   would change every index and every link id.
 */
export interface Keyring {
  activeKeyId: string;
  encryptionKeys: ReadonlyMap<string, Buffer>;
  indexKey: Buffer;
}

const keyFileSchema = z.object({
  version: z.literal(1),
  active: z.string().regex(/^k\d+$/),
  encryption: z.record(z.string(), z.string()),
  index: z.string(),
});
type KeyFile = z.infer<typeof keyFileSchema>;

function decodeKey(base64: string, what: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) {
    throw new AppError('CONFIG', { zh: `密钥长度错误：${what}`, en: `key ${what} must be 32 bytes` });
  }
  return key;
}

function toKeyring(file: KeyFile): Keyring {
  const encryptionKeys = new Map<string, Buffer>();
  for (const [id, value] of Object.entries(file.encryption)) encryptionKeys.set(id, decodeKey(value, id));
  if (!encryptionKeys.has(file.active)) {
    throw new AppError('CONFIG', {
      zh: `当前密钥 ${file.active} 不在密钥文件中`,
      en: `the active key ${file.active} is not in the key file`,
    });
  }
  return { activeKeyId: file.active, encryptionKeys, indexKey: decodeKey(file.index, 'index') };
}

function parseKeyFile(json: string, source: string): KeyFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (cause) {
    throw new AppError('CONFIG', { zh: `密钥无法解析：${source}`, en: `cannot parse keys from ${source}` }, { cause });
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new AppError(
      'CONFIG',
      { zh: `密钥格式错误：${source}`, en: `keys in ${source} are malformed` },
      { details: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    );
  }
  return result.data;
}

function newKeyFile(): KeyFile {
  return {
    version: 1,
    active: 'k1',
    encryption: { k1: randomBytes(32).toString('base64') },
    index: randomBytes(32).toString('base64'),
  };
}

function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** Keys from VERACITY_KEYS, else the key file, created with 0600 rights on first start. */
export function loadKeyring(options: { keyFile: string; keysJson: string | undefined }): Keyring {
  if (options.keysJson) return toKeyring(parseKeyFile(options.keysJson, 'VERACITY_KEYS'));
  if (!fs.existsSync(options.keyFile)) writeKeyFile(options.keyFile, newKeyFile());
  const mode = fs.statSync(options.keyFile).mode & 0o077;
  if (mode !== 0) {
    throw new AppError('CONFIG', {
      zh: `密钥文件 ${options.keyFile} 权限过宽，应为 0600`,
      en: `key file ${options.keyFile} is readable by others; it must be 0600`,
    });
  }
  return toKeyring(parseKeyFile(fs.readFileSync(options.keyFile, 'utf8'), options.keyFile));
}

/** Adds a fresh encryption key and makes it active; returns its id. Only for a key file. */
export function addEncryptionKey(keyFile: string): string {
  const current = parseKeyFile(fs.readFileSync(keyFile, 'utf8'), keyFile);
  const next = Math.max(...Object.keys(current.encryption).map((id) => Number(id.slice(1)))) + 1;
  const id = `k${next}`;
  writeKeyFile(keyFile, {
    ...current,
    active: id,
    encryption: { ...current.encryption, [id]: randomBytes(32).toString('base64') },
  });
  return id;
}

/** For tests and tools: a keyring that lives in memory only. */
export function ephemeralKeyring(): Keyring {
  return toKeyring(newKeyFile());
}

/** Plain form of a keyring for a worker thread (same process, never written anywhere). */
export interface PortableKeyring {
  activeKeyId: string;
  encryptionKeys: Array<[string, string]>;
  indexKey: string;
}

export function toPortable(keyring: Keyring): PortableKeyring {
  return {
    activeKeyId: keyring.activeKeyId,
    encryptionKeys: [...keyring.encryptionKeys].map(([id, key]) => [id, key.toString('base64')]),
    indexKey: keyring.indexKey.toString('base64'),
  };
}

export function fromPortable(portable: PortableKeyring): Keyring {
  return {
    activeKeyId: portable.activeKeyId,
    encryptionKeys: new Map(portable.encryptionKeys.map(([id, key]) => [id, Buffer.from(key, 'base64')])),
    indexKey: Buffer.from(portable.indexKey, 'base64'),
  };
}
