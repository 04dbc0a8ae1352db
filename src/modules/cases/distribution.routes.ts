import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, scopeSchema } from '../../platform/http/schemas.js';
import { itemSchema } from '../linkage/item-schemas.js';
import { staffOf } from './case-actor.js';
import { assigneeRef, noteSchema, ruleInput, ruleView } from './case-schemas.js';
import { assignItem, distributeItems } from './distribution.service.js';
import { getRules, listAssignees, replaceRules } from './distribution-rules.service.js';

const MAX_ITEMS = 1000;
const MAX_RULES = 500;
const itemNo = z.string().min(1).max(40);

/** Customer service distributes the items and keeps the routing rules (P5.13). */
export function distributionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/items/distribute',
      {
        config: { access: { permission: 'items.distribute' } },
        schema: {
          tags: ['distribution'],
          summary: '分发问题件 Distribute open items by the routing rules; their open link-mates go with them',
          body: z.object({ itemNos: z.array(itemNo).min(1).max(MAX_ITEMS) }),
          response: {
            200: z
              .object({
                results: z.array(
                  z.object({
                    itemNo: z.string(),
                    assignee: assigneeRef.nullable(),
                    error: z.object({ code: z.string(), zh: z.string(), en: z.string() }).optional(),
                  }),
                ),
              })
              .meta({ id: 'DistributionResults' }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) =>
        distributeItems(deps, staffOf(actorOf(request)), auditContextOf(request), request.body.itemNos),
    );

    app.post(
      '/items/:itemNo/assign',
      {
        config: { access: { permission: 'items.distribute' } },
        schema: {
          tags: ['distribution'],
          summary: '改派 Give an item to someone by hand, with a reason',
          params: z.object({ itemNo: z.string().max(40) }),
          body: z.object({ assigneeId: z.number().int().positive(), reason: noteSchema }),
          response: { 200: itemSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        assignItem(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );

    app.get(
      '/distribution/rules',
      {
        config: { access: { permission: 'items.distribute' } },
        schema: {
          tags: ['distribution'],
          summary: '分发规则 The routing rules in force',
          response: { 200: z.object({ rules: z.array(ruleView) }), ...errorResponses(401, 403) },
        },
      },
      async () => getRules(deps),
    );

    app.put(
      '/distribution/rules',
      {
        config: { access: { permission: 'items.distribute' } },
        schema: {
          tags: ['distribution'],
          summary: '更新分发规则 Replace the routing rules; the old ones are retired, never deleted',
          body: z.object({ rules: z.array(ruleInput).max(MAX_RULES) }),
          response: { 200: z.object({ rules: z.array(ruleView) }), ...errorResponses(400, 401, 403) },
        },
      },
      async (request) => replaceRules(deps, staffOf(actorOf(request)), auditContextOf(request), request.body.rules),
    );

    app.get(
      '/distribution/assignees',
      {
        config: { access: { permission: 'items.distribute' } },
        schema: {
          tags: ['distribution'],
          summary: '可分派人员 Who may be given items, with the items in their hands',
          response: {
            200: z.object({
              assignees: z.array(
                z.object({
                  id: z.number().int(),
                  username: z.string(),
                  displayName: z.string(),
                  role: z.string(),
                  scope: scopeSchema,
                  openItems: z.number().int(),
                }),
              ),
            }),
            ...errorResponses(401, 403),
          },
        },
      },
      async () => listAssignees(deps),
    );
  };
}
