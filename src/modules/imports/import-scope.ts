import type { Kysely } from 'kysely';
import { branchInScope, channelInScope, inScope, isWholeCompany, type Scope } from '../../platform/access/scope.js';
import type { Database } from '../../platform/db/schema.js';
import { type Issue, issue } from '../../shared/codes.js';
import { policiesHeld } from '../intake/intake.repository.js';
import type { ImportOptions } from '../intake/intake.service.js';

/**
 * P5.21: through the console a member of staff submits only the business of their own scope, as a
 * core system's key does through the API (gate-api.service.ts). A record is refused when its own
 * channel or branch lies outside, and when its policy number is already a policy of someone
 * else's scope: the importer would take it as a correction and move that policy.
 */
export function scopeRefusals(q: Kysely<Database>, scope: Scope): ImportOptions['refuse'] {
  if (isWholeCompany(scope)) return undefined;
  return async (prepared) => {
    const held = await policiesHeld(
      q,
      prepared.flatMap((p) => p.outcome.policyNo ?? []),
    );
    return prepared.map((p): Issue[] | undefined => {
      const issues: Issue[] = [];
      const { channel, branchCode } = p.application;
      if (!channelInScope(scope, channel)) {
        issues.push(
          issue('SCOPE_REFUSED', 'channel', {
            zh: '渠道不在您的数据范围内',
            en: 'the channel is outside your data scope',
          }),
        );
      }
      if (!branchInScope(scope, branchCode)) {
        issues.push(
          issue('SCOPE_REFUSED', 'branchCode', {
            zh: '分支机构不在您的数据范围内',
            en: 'the branch is outside your data scope',
          }),
        );
      }
      const existing = p.outcome.policyNo ? held.get(p.outcome.policyNo) : undefined;
      if (existing && !inScope(scope, { branch: existing.branchCode, channel: existing.channel })) {
        issues.push(
          issue('SCOPE_REFUSED', 'policyNo', {
            zh: '该保单号已属于您数据范围以外的保单',
            en: 'the policy number is already a policy outside your data scope',
          }),
        );
      }
      return issues.length > 0 ? issues : undefined;
    });
  };
}
