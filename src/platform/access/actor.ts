import type { Permission, Role } from '../../shared/roles.js';
import { API_KEY_PERMISSIONS, roleMay } from '../../shared/roles.js';
import type { AuditContext } from '../audit/audit-events.js';
import type { Scope } from './scope.js';

/** Who is calling: a signed-in member of staff or a core system with an API key. */
export type Actor =
  | {
      kind: 'user';
      userId: number;
      username: string;
      displayName: string;
      role: Role;
      scope: Scope;
      sessionId: string;
      csrfToken: string;
    }
  | { kind: 'apikey'; keyId: number; name: string; scope: Scope };

export function actorMay(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'user' ? roleMay(actor.role, permission) : API_KEY_PERMISSIONS.includes(permission);
}

export function auditContextFor(actor: Actor, request: { requestId?: string; ip?: string }): AuditContext {
  return {
    actor: { kind: actor.kind, name: actor.kind === 'user' ? actor.username : actor.name },
    requestId: request.requestId,
    ip: request.ip,
  };
}
