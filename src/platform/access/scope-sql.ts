import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Scope } from './scope.js';

/**
 * The scope as a WHERE condition on a policy's branch and channel columns, for repositories:
 * out-of-scope rows never leave the database.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  columns: { branch: string; channel: string },
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  const ref = (c: string) => eb.ref(c as never);
  if (scope.branches.length > 0) {
    parts.push(
      eb.or(
        scope.branches.flatMap((b) => [
          eb(ref(columns.branch), '=', b as never),
          eb(ref(columns.branch), 'like', `${b}-%` as never),
        ]),
      ),
    );
  }
  if (scope.channels.length > 0) parts.push(eb(ref(columns.channel), 'in', scope.channels as never));
  return eb.and(parts);
}
