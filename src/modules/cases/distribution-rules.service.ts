import { type Scope, scopeFromJson } from '../../platform/access/scope.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import type { Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { ROLE_NAMES, roleMay } from '../../shared/roles.js';
import type { Staff } from './case-actor.js';
import { activeStaffWithLoad } from './cases.repository.js';
import * as repo from './distribution.repository.js';
import type { Candidate, RoutingRule } from './routing.js';

/** The roles whose members may be given items (P5.13). */
export const WORK_ROLES = ROLE_NAMES.filter((r) => roleMay(r, 'items.work'));

export interface Assignee extends Candidate {
  username: string;
  displayName: string;
}

/** Everyone who may be given an item now, by id, with the items they have in hand. */
export async function assigneesById(q: Deps['db']['kysely']): Promise<Map<number, Assignee>> {
  const rows = await activeStaffWithLoad(q, WORK_ROLES);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        role: r.role,
        scope: scopeFromJson(r.scope),
        openItems: r.open_items,
      },
    ]),
  );
}

/** GET /distribution/assignees: whom customer service may give items to. */
export async function listAssignees(deps: Deps): Promise<{
  assignees: Array<{
    id: number;
    username: string;
    displayName: string;
    role: string;
    scope: Scope;
    openItems: number;
  }>;
}> {
  const all = await assigneesById(deps.db.kysely);
  return {
    assignees: [...all.values()].map((a) => ({
      id: a.id,
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      scope: a.scope,
      openItems: a.openItems,
    })),
  };
}

export interface RuleInput {
  priority: number;
  channel: string | null;
  branchPrefix: string | null;
  agentCode: string | null;
  assigneeId: number;
}

export interface RuleView extends Omit<RuleInput, 'assigneeId'> {
  id: number;
  assignee: { id: number; displayName: string };
}

/** The rules in force, for routing. */
export async function routingRules(q: Deps['db']['kysely']): Promise<RoutingRule[]> {
  return (await repo.activeRules(q)).map((r) => ({
    id: r.id,
    priority: r.priority,
    channel: r.channel,
    branchPrefix: r.branch_prefix,
    agentCode: r.agent_code,
    assigneeId: r.assignee_id,
  }));
}

export async function getRules(deps: Deps): Promise<{ rules: RuleView[] }> {
  const rows = await repo.activeRules(deps.db.kysely);
  return {
    rules: rows.map((r) => ({
      id: r.id,
      priority: r.priority,
      channel: r.channel,
      branchPrefix: r.branch_prefix,
      agentCode: r.agent_code,
      assignee: { id: r.assignee_id, displayName: r.assignee_name ?? '' },
    })),
  };
}

/**
 * Replaces the routing rules in force (P5.13). Nothing is edited in place: the old set is retired
 * and the new one added, so who would have got an item on any day can be told afterwards.
 */
export async function replaceRules(
  deps: Deps,
  staff: Staff,
  context: AuditContext,
  rules: readonly RuleInput[],
): Promise<{ rules: RuleView[] }> {
  await deps.db.kysely.transaction().execute(async (trx) => {
    const assignees = await assigneesById(trx);
    const unfit = rules.flatMap((r, i) => (assignees.has(r.assigneeId) ? [] : [`rules[${i}].assigneeId`]));
    if (unfit.length > 0) {
      throw new AppError(
        'BAD_INPUT',
        {
          zh: '规则的处理人须为在职、且角色可处理问题件的用户',
          en: 'a rule’s assignee must be an active user whose role works problem items',
        },
        { details: unfit },
      );
    }
    const now = deps.clock.now().toISOString();
    const retired = await repo.retireRules(trx, staff.username, now);
    const added = await repo.insertRules(trx, rules, staff.username, now);
    await deps.audit.append(trx, context, [
      {
        type: 'distribution.rules_changed',
        objectType: 'distribution_rules',
        objectId: 'active',
        data: { added, retired },
      },
    ]);
  });
  return getRules(deps);
}
