import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** argon2id with OWASP's first profile: 46 MiB, one pass, one lane. */
const PARAMS = { algorithm: ARGON2ID, memoryCost: 47104, timeCost: 1, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;
/**
 * A hash to verify against when the username is unknown, so an unknown name costs the same time
 * as a wrong password and the answer tells nothing about who exists.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString('base64'));
  return decoy;
}

/** At least 10 characters, with letters and digits, not the username. */
export function checkPasswordStrength(password: string, username: string): void {
  const problems: string[] = [];
  if (password.length < 10) problems.push('at least 10 characters / 至少 10 个字符');
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('letters and digits / 须含字母和数字');
  if (password.toLowerCase().includes(username.toLowerCase()))
    problems.push('must not contain the username / 不得包含用户名');
  if (password.length > 256) problems.push('at most 256 characters / 至多 256 个字符');
  if (problems.length > 0) {
    throw new AppError(
      'BAD_INPUT',
      { zh: '密码强度不足', en: 'the password is too weak' },
      { details: problems.map((p) => `password: ${p}`) },
    );
  }
}
