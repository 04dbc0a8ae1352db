import { isWholeCompany, type Scope, scopeFromJson } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ROLE_NAMES, ROLES, type Role, SCOPED_ROLES } from '../../shared/roles.js';
import { checkPasswordStrength, hashPassword } from './passwords.js';
import * as repo from './users.repository.js';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  status: 'active' | 'disabled';
  createdAt: string;
  /** Where escalations are mailed (P5.13); staff mail, never a customer's. */
  email: string | null;
}

const USERNAME = /^[a-z][a-z0-9._-]{1,31}$/;

export function toUser(row: repo.UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    scope: scopeFromJson(row.scope),
    status: row.status,
    createdAt: row.created_at,
    email: row.email,
  };
}

const EMAIL =
  /^[^\s@<>()[\],;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A staff mail address, its domain lower-cased; null clears it. */
export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim() ?? '';
  if (trimmed === '') return null;
  const at = trimmed.lastIndexOf('@');
  const normalized = `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
  if (trimmed.length > 254 || !EMAIL.test(normalized)) {
    throw new AppError(
      'BAD_INPUT',
      { zh: '电子邮箱地址格式有误', en: 'the e-mail address is not valid' },
      { details: ['email: name@example.com'] },
    );
  }
  return normalized;
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: string;
  scope: Scope;
  password: string;
  email?: string | null;
}

/** Creates a member of staff (P5.21: access by role and data scope, granted by an administrator). */
export async function addUser(deps: Deps, context: AuditContext, input: NewUser): Promise<User> {
  const username = input.username.trim().toLowerCase();
  const problems: string[] = [];
  if (!USERNAME.test(username)) problems.push('username: 2–32 characters a-z 0-9 . _ -, starting with a letter');
  if (!(ROLE_NAMES as string[]).includes(input.role)) problems.push(`role: one of ${ROLE_NAMES.join(', ')}`);
  const role = input.role as Role;
  if (SCOPED_ROLES.includes(role) && isWholeCompany(input.scope)) {
    problems.push(`scope: a ${role} (${ROLES[role].zh}) belongs to a channel or branch; give --scope`);
  }
  if (problems.length > 0) {
    throw new AppError('BAD_INPUT', { zh: '用户资料有误', en: 'the user is invalid' }, { details: problems });
  }
  checkPasswordStrength(input.password, username);
  const email = normalizeEmail(input.email);
  if (await repo.findUserByName(deps.db.kysely, username)) {
    throw new AppError('CONFLICT', { zh: `用户 ${username} 已存在`, en: `user ${username} already exists` });
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now().toISOString();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const newId = await repo.insertUser(trx, {
      username,
      display_name: input.displayName?.trim() || username,
      role,
      scope: JSON.stringify(input.scope),
      password_hash: passwordHash,
      status: 'active',
      created_at: now,
      updated_at: now,
      email,
    });
    await deps.audit.append(trx, context, [
      { type: 'user.created', objectType: 'user', objectId: username, data: { role, scope: input.scope } },
    ]);
    return newId;
  });
  return toUser((await repo.findUserById(deps.db.kysely, id)) as repo.UserRow);
}

export async function listUsers(deps: Deps): Promise<User[]> {
  return (await repo.listUsers(deps.db.kysely)).map(toUser);
}

/** Disabling a user ends their sessions at once. */
export async function disableUser(deps: Deps, context: AuditContext, username: string): Promise<User> {
  const row = await repo.findUserByName(deps.db.kysely, username);
  if (!row) throw new AppError('NOT_FOUND', { zh: `没有用户 ${username}`, en: `no user ${username}` });
  const now = deps.clock.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, row.id, { status: 'disabled', updated_at: now });
    await repo.revokeSessionsOf(trx, row.id, now);
    await deps.audit.append(trx, context, [
      { type: 'user.disabled', objectType: 'user', objectId: username, data: {} },
    ]);
  });
  return { ...toUser(row), status: 'disabled' };
}

export async function setPassword(deps: Deps, context: AuditContext, username: string, password: string) {
  const row = await repo.findUserByName(deps.db.kysely, username);
  if (!row) throw new AppError('NOT_FOUND', { zh: `没有用户 ${username}`, en: `no user ${username}` });
  checkPasswordStrength(password, username);
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, row.id, { password_hash: passwordHash, updated_at: now });
    await repo.revokeSessionsOf(trx, row.id, now);
    await deps.audit.append(trx, context, [
      { type: 'user.password_set', objectType: 'user', objectId: username, data: {} },
    ]);
  });
}

/** Sets or clears the address a member of staff gets escalations at (P5.13); the audit names no address. */
export async function setEmail(
  deps: Deps,
  context: AuditContext,
  username: string,
  email: string | null,
): Promise<User> {
  const row = await repo.findUserByName(deps.db.kysely, username);
  if (!row) throw new AppError('NOT_FOUND', { zh: `没有用户 ${username}`, en: `no user ${username}` });
  const normalized = normalizeEmail(email);
  const now = deps.clock.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.updateUser(trx, row.id, { email: normalized, updated_at: now });
    await deps.audit.append(trx, context, [
      { type: 'user.email_set', objectType: 'user', objectId: username, data: {} },
    ]);
  });
  return { ...toUser(row), email: normalized };
}
