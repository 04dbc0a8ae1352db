import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerVerify } from './verify.js';

function program(): Command {
  const root = new Command('veracity').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  registerVerify(root);
  return root;
}

function captureStdout(): () => string {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return () => chunks.join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('veracity verify', () => {
  it('prints one JSON line per value with --json', async () => {
    const output = captureStdout();
    await program().parseAsync(['verify', 'resident-id', '110101199003078670', '11010119900307867X', '--json'], {
      from: 'user',
    });
    const lines = output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { valid: boolean; errors: string[] });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      value: '110101199003078670',
      kind: 'resident-id',
      valid: true,
      birthDate: '1990-03-07',
    });
    expect(lines[1]).toMatchObject({ valid: false, errors: ['ID_CHECKSUM'] });
  });

  it('prints a readable bilingual line per value', async () => {
    const output = captureStdout();
    await program().parseAsync(['verify', 'phone', '020-8888 1234', '12345'], { from: 'user' });
    const text = output();
    expect(text).toContain('✓ 有效 valid');
    expect(text).toContain('+862088881234');
    expect(text).toContain('城市 city: 广州市');
    expect(text).toContain('✗ 无效 invalid');
    expect(text).toMatch(/错误 error PHONE_FORMAT: .+ \(.+\)/);
  });

  it('reads one value per line from stdin when none are given', async () => {
    const output = captureStdout();
    const stdin = Readable.from(['6222 0210 0112 3456 789\r\n\n', '6222021001123456788\n']);
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(stdin as unknown as typeof process.stdin);
    await program().parseAsync(['verify', 'bank-account', '--json'], { from: 'user' });
    const lines = output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { value: string; warnings: string[] });
    expect(lines.map((l) => l.value)).toEqual(['6222 0210 0112 3456 789', '6222021001123456788']);
    expect(lines[1]?.warnings).toEqual(['ACCOUNT_LUHN']);
  });

  it('exits 2 with a bilingual message for an unknown kind', async () => {
    const error = await program()
      .parseAsync(['verify', 'iban', 'DE89370400440532013000'], { from: 'user' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommanderError);
    expect(error).toMatchObject({ exitCode: 2 });
    expect((error as CommanderError).message).toContain('未知的校验类型 iban');
    expect((error as CommanderError).message).toContain('unknown kind iban');
  });
});
