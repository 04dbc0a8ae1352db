import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { scopeFromJson } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { isStoreBusy } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { Role } from '../../shared/roles.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { afterFailure, isLocked, LOCK_MINUTES } from './throttle.js';
import * as repo from './users.repository.js';

export interface SignedIn {
  /** Goes in the httpOnly cookie; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  actor: Extract<Actor, { kind: 'user' }>;
}

const BAD_CREDENTIALS = new AppError('UNAUTHENTICATED', {
  zh: '用户名或密码错误',
  en: 'wrong username or password',
});

function throttled(): AppError {
  return new AppError('THROTTLED', {
    zh: `连续登录失败次数过多，请 ${LOCK_MINUTES} 分钟后再试`,
    en: `too many failed sign-ins in a row; try again in ${LOCK_MINUTES} minutes`,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The throttle's key: the name as typed, folded, so `Alice` and `alice ` share a counter. */
const throttleKey = (username: string) => sha256(`sign-in\u0000${username.trim().toLowerCase()}`);
/** Audit object id for an attempt: the name as typed, bounded (a name is not personal financial data). */
const attempted = (username: string) => username.trim().slice(0, 64);

/**
 * Signs a member of staff in (P5.21). The answer and its timing are the same for an unknown name,
 * a wrong password and a disabled account; failures count towards the throttle either way.
 */
export async function signIn(
  deps: Deps,
  context: Omit<AuditContext, 'actor'>,
  credentials: { username: string; password: string },
): Promise<SignedIn> {
  const now = deps.clock.now();
  const key = throttleKey(credentials.username);
  const audit = (reason: 'bad_credentials' | 'throttled' | 'disabled') => ({
    type: 'session.sign_in_failed' as const,
    objectType: 'user' as const,
    objectId: attempted(credentials.username),
    data: { reason },
  });
  const actorContext: AuditContext = { ...context, actor: { kind: 'user', name: attempted(credentials.username) } };

  if (isLocked(await repo.findThrottle(deps.db.kysely, key), now)) {
    await deps.db.kysely.transaction().execute((trx) => deps.audit.append(trx, actorContext, [audit('throttled')]));
    throw throttled();
  }
  const user = await repo.findUserByName(deps.db.kysely, credentials.username.trim());
  const passwordOk = await verifyPassword(user?.password_hash ?? (await decoyHash()), credentials.password);
  if (!user || !passwordOk || user.status !== 'active') {
    await deps.db.kysely.transaction().execute(async (trx) => {
      const state = afterFailure(await repo.findThrottle(trx, key), now);
      await repo.saveThrottle(trx, { key, ...state });
      await deps.audit.append(trx, actorContext, [audit(user && passwordOk ? 'disabled' : 'bad_credentials')]);
    });
    throw BAD_CREDENTIALS;
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = sha256(token);
  const expiresAt = new Date(now.getTime() + deps.config.server.sessionMaxHours * 3600_000).toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.clearThrottle(trx, key);
    await repo.insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    });
    await deps.audit.append(trx, { ...context, actor: { kind: 'user', name: user.username } }, [
      { type: 'session.signed_in', objectType: 'user', objectId: user.username, data: {} },
    ]);
  });
  return {
    token,
    csrfToken,
    expiresAt,
    actor: {
      kind: 'user',
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      role: user.role as Role,
      scope: scopeFromJson(user.scope),
      sessionId,
      csrfToken,
    },
  };
}

/** Touch the idle timer at most once a minute: not a write per request. */
const TOUCH_EVERY_MS = 60_000;

/** The live session behind a cookie token: not revoked, not idle too long, not past its end. */
export async function sessionActor(deps: Deps, token: string): Promise<Actor | undefined> {
  if (token.length > 128) return undefined;
  const session = await repo.findLiveSession(deps.db.kysely, sha256(token));
  if (session?.user.status !== 'active') return undefined;
  const now = deps.clock.now().getTime();
  const idleMs = deps.config.server.sessionIdleMinutes * 60_000;
  const lastSeen = Date.parse(session.last_seen_at);
  if (now >= Date.parse(session.expires_at) || now - lastSeen >= idleMs) return undefined;
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db.kysely, session.id, new Date(now).toISOString()).catch((error: unknown) => {
      // The store's writer is taken (the scan): the idle timer is not moved on this time, the
      // request goes ahead; the next request touches it.
      if (!isStoreBusy(error)) throw error;
    });
  }
  return {
    kind: 'user',
    userId: session.user.id,
    username: session.user.username,
    displayName: session.user.display_name,
    role: session.user.role as Role,
    scope: scopeFromJson(session.user.scope),
    sessionId: session.id,
    csrfToken: session.csrf_token,
  };
}

/** Sign-out ends the session on the server, not only in the browser. */
export async function signOut(deps: Deps, context: AuditContext, actor: Extract<Actor, { kind: 'user' }>) {
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.revokeSession(trx, actor.sessionId, deps.clock.now().toISOString());
    await deps.audit.append(trx, context, [
      { type: 'session.signed_out', objectType: 'user', objectId: actor.username, data: { reason: 'sign_out' } },
    ]);
  });
}
