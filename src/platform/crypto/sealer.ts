import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Keyring } from './keyring.js';

/**
 * Sealed value layout: [1: format=1][1: key-id length n][n: key id][12: IV][16: GCM tag][ciphertext].
 * A whole record (a party's personal fields together) is one sealed value: one cipher call per
 * party, not per field (P5.2 data is JR/T 0171 C2).
 * The AAD binds a sealed value to its kind ("customer", "submission", ...) so a value moved into
 * another column does not decrypt.
 */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  readonly activeKeyId: string;
  seal(value: unknown, aad: string): Buffer;
  /** Seals JSON text already written (the import canonicalises each record once for digest and seal). */
  sealJson(json: string, aad: string): Buffer;
  open<T>(sealed: Uint8Array, aad: string): T;
  /** Seals raw bytes (an evidence file) in the same layout, without a JSON round trip. */
  sealBytes(plain: Uint8Array, aad: string): Buffer;
  openBytes(sealed: Uint8Array, aad: string): Buffer;
  keyIdOf(sealed: Uint8Array): string;
  /** Keyed HMAC-SHA256 truncated to a signed 64-bit integer: equality look-ups and linkage. */
  blindIndex(domain: string, normalized: string): bigint;
  /** Keyed digest (hex) of content, for idempotency and change detection without plaintext. */
  digest(content: string): string;
}

/** Random IVs drawn from a refilled pool: one CSPRNG call per 4,096 IVs instead of one per seal. */
function ivSource(): () => Buffer {
  const pool = Buffer.alloc(IV_BYTES * 4096);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_BYTES);
    offset += IV_BYTES;
    return iv;
  };
}

export function createSealer(keyring: Keyring): Sealer {
  const nextIv = ivSource();
  const activeKey = keyring.encryptionKeys.get(keyring.activeKeyId) as Buffer;
  const activeHeader = Buffer.concat([
    Buffer.from([FORMAT, keyring.activeKeyId.length]),
    Buffer.from(keyring.activeKeyId, 'ascii'),
  ]);

  function keyIdOf(sealed: Uint8Array): string {
    if (sealed[0] !== FORMAT) {
      throw new AppError('INTERNAL', { zh: '密文格式未知', en: 'unknown sealed-value format' });
    }
    const length = sealed[1] as number;
    return Buffer.from(sealed.subarray(2, 2 + length)).toString('ascii');
  }

  function sealBytes(plain: Uint8Array, aad: string): Buffer {
    const iv = nextIv();
    const cipher = createCipheriv('aes-256-gcm', activeKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = cipher.update(plain);
    const final = cipher.final();
    return Buffer.concat([activeHeader, iv, cipher.getAuthTag(), body, final]);
  }

  function openBytes(sealed: Uint8Array, aad: string): Buffer {
    const keyId = keyIdOf(sealed);
    const key = keyring.encryptionKeys.get(keyId);
    if (!key) {
      throw new AppError('INTERNAL', {
        zh: `解密所需密钥 ${keyId} 不存在`,
        en: `the key ${keyId} needed to open this value is missing`,
      });
    }
    const start = 2 + keyId.length;
    const iv = sealed.subarray(start, start + IV_BYTES);
    const tag = sealed.subarray(start + IV_BYTES, start + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(start + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  return {
    activeKeyId: keyring.activeKeyId,
    keyIdOf,
    seal(value, aad) {
      return this.sealJson(JSON.stringify(value), aad);
    },
    sealJson: (json, aad) => sealBytes(Buffer.from(json, 'utf8'), aad),
    sealBytes,
    open: <T>(sealed: Uint8Array, aad: string): T => JSON.parse(openBytes(sealed, aad).toString('utf8')) as T,
    openBytes,
    blindIndex(domain, normalized) {
      return createHmac('sha256', keyring.indexKey).update(`${domain}\u0000${normalized}`).digest().readBigInt64BE(0);
    },
    digest(content) {
      return createHmac('sha256', keyring.indexKey).update(content).digest('hex').slice(0, 32);
    },
  };
}
