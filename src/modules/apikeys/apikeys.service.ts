import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/access/actor.js';
import { type Scope, scopeFromJson } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './apikeys.repository.js';

/**
 * API keys of core and bancassurance systems (P5.5–6: the gate in real time). A key is shown
 * once; only its SHA-256 is kept (a key is 256 random bits: no slow hash needed).
 */
export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  scope: Scope;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
}

const KEY_PREFIX = 'vk_';
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toApiKey(row: repo.ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: scopeFromJson(row.scope),
    createdBy: row.created_by,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function createApiKey(
  deps: Deps,
  context: AuditContext,
  input: { name: string; scope: Scope },
): Promise<{ apiKey: ApiKey; key: string }> {
  const name = input.name.trim();
  if (!NAME.test(name)) {
    throw new AppError(
      'BAD_INPUT',
      { zh: '密钥名称有误', en: 'the key name is invalid' },
      { details: ['name: 1–64 characters: letters, digits, space . _ -'] },
    );
  }
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = deps.clock.now().toISOString();
  const id = await deps.db.kysely.transaction().execute(async (trx) => {
    const newId = await repo.insertApiKey(trx, {
      name,
      prefix: key.slice(0, 10),
      key_hash: sha256(key),
      scope: JSON.stringify(input.scope),
      created_by: context.actor.name,
      created_at: now,
      revoked_at: null,
    });
    await deps.audit.append(trx, context, [
      { type: 'apikey.created', objectType: 'apikey', objectId: String(newId), data: { name, scope: input.scope } },
    ]);
    return newId;
  });
  return { apiKey: toApiKey((await repo.findKey(deps.db.kysely, id)) as repo.ApiKeyRow), key };
}

/**
 * Keys recently found live, by hash: a core system calls many times a second, and the gate's
 * answer should not wait on a look-up each time. A revocation here takes effect at once; one made
 * by another process (the CLI) within KEY_RECHECK_MS.
 */
const KEY_RECHECK_MS = 1000;
const recentKeys = new WeakMap<Deps, Map<string, { actor: Actor; at: number }>>();

export async function apiKeyActor(deps: Deps, key: string): Promise<Actor | undefined> {
  if (!key.startsWith(KEY_PREFIX) || key.length > 100) return undefined;
  const hash = sha256(key);
  let recent = recentKeys.get(deps);
  if (!recent) {
    recent = new Map();
    recentKeys.set(deps, recent);
  }
  const now = performance.now();
  const hit = recent.get(hash);
  if (hit && now - hit.at < KEY_RECHECK_MS) return hit.actor;
  const row = await repo.findLiveKeyByHash(deps.db.kysely, hash);
  if (!row) {
    recent.delete(hash);
    return undefined;
  }
  const actor: Actor = { kind: 'apikey', keyId: row.id, name: row.name, scope: scopeFromJson(row.scope) };
  if (recent.size >= 1000) recent.clear();
  recent.set(hash, { actor, at: now });
  return actor;
}

export async function listApiKeys(deps: Deps): Promise<ApiKey[]> {
  return (await repo.listKeys(deps.db.kysely)).map(toApiKey);
}

/** Revoking takes effect on the key's next request. */
export async function revokeApiKey(deps: Deps, context: AuditContext, id: number): Promise<ApiKey> {
  const row = await repo.findKey(deps.db.kysely, id);
  if (!row) throw new AppError('NOT_FOUND', { zh: `没有编号为 ${id} 的接口密钥`, en: `no API key ${id}` });
  if (row.revoked_at) return toApiKey(row);
  const now = deps.clock.now().toISOString();
  await deps.db.kysely.transaction().execute(async (trx) => {
    await repo.revokeKey(trx, id, now);
    await deps.audit.append(trx, context, [
      { type: 'apikey.revoked', objectType: 'apikey', objectId: String(id), data: { name: row.name } },
    ]);
  });
  recentKeys.delete(deps);
  return { ...toApiKey(row), revokedAt: now };
}
