import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission } from '../../shared/roles.js';
import { type Actor, actorMay, auditContextFor } from '../access/actor.js';
import type { AuditContext } from '../audit/audit-events.js';
import { AppError } from '../errors.js';

/**
 * Every route declares who may call it, in its `config.access`; a route without one does not
 * start (see `assertAccessDeclared`). Checked on the server for every request (P5.21).
 */
export type RouteAccess =
  | { public: true }
  /** Any signed-in member of staff (their own session, sign-out). */
  | { signedIn: true }
  | { permission: Permission; apiKeys?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

export interface Authenticator {
  /** The session behind a cookie token, if it is live; touches its idle timer. */
  session(token: string): Promise<Actor | undefined>;
  apiKey(key: string): Promise<Actor | undefined>;
}

export const SESSION_COOKIE = 'veracity_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const UNAUTHENTICATED = new AppError('UNAUTHENTICATED', {
  zh: '请先登录，或提供有效的接口密钥',
  en: 'sign in, or give a valid API key',
});

export function makeAccessHook(auth: Authenticator) {
  return async function checkAccess(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const access = request.routeOptions.config.access;
    if (!access) {
      // Unknown URLs (404) and the documentation routes carry no access: nothing to guard.
      return;
    }
    if ('public' in access) return;
    const actor = await identify(request, auth);
    if (!actor) throw UNAUTHENTICATED;
    request.actor = actor;
    if (actor.kind === 'user' && !SAFE_METHODS.has(request.method)) checkCsrf(request, actor.csrfToken);
    if ('signedIn' in access) {
      if (actor.kind !== 'user') throw forbidden();
      return;
    }
    if (actor.kind === 'apikey' && !access.apiKeys) throw forbidden();
    if (!actorMay(actor, access.permission)) throw forbidden();
  };
}

async function identify(request: FastifyRequest, auth: Authenticator): Promise<Actor | undefined> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ? auth.apiKey(match[1]) : undefined;
  }
  const token = request.cookies[SESSION_COOKIE];
  return token ? auth.session(token) : undefined;
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !constantTimeEqual(given, expected)) {
    throw new AppError('FORBIDDEN', {
      zh: '缺少或错误的防跨站令牌（X-CSRF-Token），请刷新页面后重试',
      en: 'missing or wrong anti-forgery token (X-CSRF-Token); reload the page and try again',
    });
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', { zh: '您的角色无权执行此操作', en: 'your role may not do this' });
}

/** The signed-in caller, for a route whose access is not public. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw UNAUTHENTICATED;
  return request.actor;
}

export function auditContextOf(request: FastifyRequest): AuditContext {
  return auditContextFor(actorOf(request), { requestId: String(request.id), ip: request.ip });
}

/** Fails start-up when an /api route forgets to say who may call it. */
export function assertAccessDeclared(route: { url: string; method: string | string[]; config?: unknown }): void {
  const config = route.config as { access?: RouteAccess } | undefined;
  if (route.url.startsWith('/api/v1') && !config?.access) {
    throw new Error(`route ${String(route.method)} ${route.url} declares no access`);
  }
}
