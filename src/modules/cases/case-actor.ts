import type { Actor } from '../../platform/access/actor.js';
import { type Scope, WHOLE_COMPANY } from '../../platform/access/scope.js';
import { AppError } from '../../platform/errors.js';
import type { Role } from '../../shared/roles.js';

/** Who takes a step on an item: a member of staff, or the system (the CLI's bulk distribution). */
export interface Staff {
  userId: number | null;
  username: string;
  role: Role | null;
  scope: Scope;
}

export const SYSTEM_STAFF: Staff = { userId: null, username: 'veracity', role: null, scope: WHOLE_COMPANY };

/** Items are worked by people: an API key never takes a step. */
export function staffOf(actor: Actor): Staff {
  if (actor.kind !== 'user') {
    throw new AppError('FORBIDDEN', {
      zh: '问题件只能由工作人员处理',
      en: 'problem items are worked by staff, not API keys',
    });
  }
  return { userId: actor.userId, username: actor.username, role: actor.role, scope: actor.scope };
}
