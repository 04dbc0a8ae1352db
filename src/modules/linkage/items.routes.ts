import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import { CHANNELS } from '../../shared/contract.js';
import { ITEM_ACTIONS } from '../cases/allowed-actions.js';
import { staffOf } from '../cases/case-actor.js';
import { ITEM_STATUS_NAMES } from '../cases/case-rules.js';
import { evidenceSchema } from '../cases/case-schemas.js';
import { getItemDetail } from './item-detail.service.js';
import { itemSchema } from './item-schemas.js';
import type { ItemFilter, ItemSort } from './items.repository.js';
import { exportItemsFor, searchItems } from './items.service.js';
import { SCAN_RULES } from './problem-items.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Streamed, never serialised: documented as binary. */
const workbook = z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string', format: 'binary' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const flag = z.enum(['true', 'false']).optional();

const filterQuery = {
  status: z
    .enum([...ITEM_STATUS_NAMES, 'active'])
    .optional()
    .describe('One status, or `active`: every status but closed (what is still to be cleared)'),
  rule: z.enum(SCAN_RULES).optional(),
  channel: z.enum(CHANNELS).optional(),
  branchCode: z
    .string()
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
    .optional()
    .describe('A branch and its sub-branches: GD covers GD-GZ'),
  agentCode: z.string().max(32).optional(),
  dueFrom: date.optional(),
  dueTo: date.optional(),
  detectedFrom: date.optional(),
  detectedTo: date.optional(),
  q: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/)
    .optional()
    .describe('Start of an item number or a policy number'),
  assignee: z
    .union([z.literal('me'), z.coerce.number().int().positive()])
    .optional()
    .describe('me, or a user id: the items in their hands'),
  overdue: flag.describe('true: only items still owed past their due day (P5.13)'),
  dueToday: flag.describe('true: only items still owed and due today'),
  escalated: flag.describe('true: only items escalated as overdue'),
  linkId: z
    .string()
    .regex(/^L-[0-9a-f]{16}$/)
    .optional(),
  sort: z.enum(['dueOn', 'detectedOn', 'itemNo']).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

const itemDetailSchema = z
  .object({
    item: itemSchema,
    clue: z
      .object({ zh: z.string(), en: z.string(), maskedValue: z.string().nullable() })
      .describe('The clue in words; the shared value masked, or null when it could not be identified'),
    policies: z.array(
      z.object({
        policyNo: z.string(),
        channel: z.string().nullable(),
        branchCode: z.string().nullable(),
        agentCode: z.string().nullable(),
        status: z.string(),
        inScope: z.boolean().describe('Within your data scope: only these list their customers'),
      }),
    ),
    customers: z.array(
      z.object({
        customerId: z.number().int(),
        policyNo: z.string(),
        role: z.string(),
        name: z.string().nullable(),
        idNo: z.string().nullable(),
        holdsClueValue: z.boolean(),
      }),
    ),
    timeline: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        note: z.string().nullable().describe('A code or a count: an evidence kind, the fields corrected, a rule'),
        detail: z.string().nullable().describe('What staff wrote (sealed at rest)'),
      }),
    ),
    evidence: z.array(evidenceSchema),
    linkMates: z.array(
      z.object({
        itemNo: z.string(),
        policyNo: z.string(),
        status: z.string(),
        assignee: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
      }),
    ),
    allowedActions: z.array(z.enum(ITEM_ACTIONS)).describe('What you may do on the item now'),
  })
  .meta({ id: 'ProblemItemDetail' });

type FilterQuery = z.infer<z.ZodObject<typeof filterQuery>>;

/** The query as a filter: `me` is the caller; the day of `overdue` and `dueToday` is today in China. */
function split(
  query: FilterQuery,
  caller: { userId: number | null },
  today: string,
): { filter: ItemFilter; sort: ItemSort } {
  const { sort, order, assignee, overdue, dueToday, escalated, ...rest } = query;
  const filter: ItemFilter = { ...rest };
  if (assignee !== undefined) filter.assigneeId = assignee === 'me' ? (caller.userId ?? -1) : assignee;
  if (overdue === 'true') filter.overdueAsOf = today;
  if (dueToday === 'true') filter.dueToday = today;
  if (escalated === 'true') filter.escalated = true;
  return { filter, sort: { by: sort, direction: order } };
}

/** Problem items for the staff who distribute and work them (P5.13), within their data scope (P5.21). */
export function itemsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/items',
      {
        config: { access: { permission: 'items.read' } },
        schema: {
          tags: ['items'],
          summary: '问题件列表 Problem items within your data scope',
          querystring: z.object({ ...filterQuery, ...pageQuery }),
          response: {
            200: z.object({ items: z.array(itemSchema), total: z.number().int() }).meta({ id: 'ProblemItemPage' }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { limit, offset, ...query } = request.query;
        const staff = staffOf(actorOf(request));
        const { filter, sort } = split(query, staff, chinaToday(deps.clock));
        return searchItems(deps, staff.scope, filter, { limit, offset }, sort);
      },
    );

    app.get(
      '/items/export',
      {
        config: { access: { permission: 'items.export' } },
        schema: {
          tags: ['items'],
          summary: '导出问题件 Export the problem items within your data scope to Excel (.xlsx)',
          querystring: z.object(filterQuery),
          response: {
            200: {
              description: 'The workbook',
              content: { [XLSX]: { schema: workbook } },
            },
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const staff = staffOf(actorOf(request));
        const { filter, sort } = split(request.query, staff, chinaToday(deps.clock));
        const exported = await exportItemsFor(deps, auditContextOf(request), staff.scope, filter, sort);
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'no-store')
          .send(exported.stream);
      },
    );

    app.get(
      '/items/:itemNo',
      {
        config: { access: { permission: 'items.read' } },
        schema: {
          tags: ['items'],
          summary:
            '问题件详情 A problem item: its clue in words, policies, customers (masked), timeline, evidence, link-mates and what you may do',
          params: z.object({ itemNo: z.string().max(40) }),
          response: { 200: itemDetailSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getItemDetail(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo),
    );
  };
}
