import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/harness.js';
import { addEncryptionKey, ephemeralKeyring, loadKeyring } from './keyring.js';
import { createSealer } from './sealer.js';

describe('sealing personal data (JR/T 0171 C2)', () => {
  const sealer = createSealer(ephemeralKeyring());
  const party = { name: '张伟', idNo: '11010119800101123X', phones: ['+8613800138000'] };

  it('round-trips a whole party in one sealed value that names its key', () => {
    const sealed = sealer.seal(party, 'customer');
    expect(sealer.open(sealed, 'customer')).toEqual(party);
    expect(sealer.keyIdOf(sealed)).toBe('k1');
    expect(Buffer.from(sealed).includes(Buffer.from('11010119800101123X'))).toBe(false);
  });

  it('uses a fresh IV every time', () => {
    expect(Buffer.from(sealer.seal(party, 'customer')).equals(Buffer.from(sealer.seal(party, 'customer')))).toBe(false);
  });

  it('refuses a tampered value and a value moved to another kind of column', () => {
    const sealed = Buffer.from(sealer.seal(party, 'customer'));
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] as number) ^ 1;
    expect(() => sealer.open(tampered, 'customer')).toThrow();
    expect(() => sealer.open(sealed, 'agent')).toThrow();
  });

  it('blind indexes are deterministic per key and domain', () => {
    const other = createSealer(ephemeralKeyring());
    expect(sealer.blindIndex('phone', '+8613800138000')).toBe(sealer.blindIndex('phone', '+8613800138000'));
    expect(sealer.blindIndex('phone', '+8613800138000')).not.toBe(sealer.blindIndex('account', '+8613800138000'));
    expect(sealer.blindIndex('phone', '+8613800138000')).not.toBe(other.blindIndex('phone', '+8613800138000'));
    expect(typeof sealer.blindIndex('phone', 'x')).toBe('bigint');
  });
});

describe('the key file', () => {
  it('is created on first start with 0600 rights and read back the same', () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'keys.json');
    const first = loadKeyring({ keyFile, keysJson: undefined });
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = loadKeyring({ keyFile, keysJson: undefined });
    expect(again.indexKey.equals(first.indexKey)).toBe(true);
  });

  it('is refused when others can read it', () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'keys.json');
    loadKeyring({ keyFile, keysJson: undefined });
    fs.chmodSync(keyFile, 0o644);
    expect(() => loadKeyring({ keyFile, keysJson: undefined })).toThrow(/0600/);
  });

  it('a new key becomes active; old values still open; the index key does not change', () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'keys.json');
    const before = loadKeyring({ keyFile, keysJson: undefined });
    const sealedBefore = createSealer(before).seal({ a: 1 }, 'x');
    expect(addEncryptionKey(keyFile)).toBe('k2');
    const after = createSealer(loadKeyring({ keyFile, keysJson: undefined }));
    expect(after.activeKeyId).toBe('k2');
    expect(after.open(sealedBefore, 'x')).toEqual({ a: 1 });
    expect(after.blindIndex('phone', '1')).toBe(createSealer(before).blindIndex('phone', '1'));
  });

  it('takes keys from VERACITY_KEYS and lists what is wrong with them', () => {
    expect(() => loadKeyring({ keyFile: '/nonexistent', keysJson: '{"version":1}' })).toThrow(/malformed/);
  });
});
