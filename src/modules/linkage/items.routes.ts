import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import { CHANNELS } from '../../shared/contract.js';
import { getItemDetail } from './item-detail.service.js';
import { exportItemsFor, searchItems } from './items.service.js';
import type { ItemFilter, ItemSort } from './linkage.repository.js';
import { SCAN_RULES } from './problem-items.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Streamed, never serialised: documented as binary. */
const workbook = z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string', format: 'binary' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

const filterQuery = {
  status: z.string().max(32).optional(),
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
  sort: z.enum(['dueOn', 'detectedOn', 'itemNo']).default('dueOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
};

const itemSchema = z
  .object({
    itemNo: z.string(),
    policyNo: z.string(),
    rule: z.enum(SCAN_RULES),
    relatedPolicyNos: z.array(z.string()),
    linkId: z.string(),
    detectedOn: z.string(),
    dueOn: z.string(),
    coolingOffEndsOn: z.string().nullable(),
    status: z.string(),
    channel: z.string().nullable(),
    branchCode: z.string().nullable(),
    agentCode: z.string().nullable(),
  })
  .describe('A problem item (INTERCHANGE §5) with its policy’s channel, branch and seller')
  .meta({ id: 'ProblemItem' });

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
    history: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        action: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProblemItemDetail' });

type FilterQuery = { sort: ItemSort['by']; order: ItemSort['direction'] } & ItemFilter;

function split(query: FilterQuery): { filter: ItemFilter; sort: ItemSort } {
  const { sort, order, ...filter } = query;
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
        const { filter, sort } = split(query);
        return searchItems(deps, actorOf(request).scope, filter, { limit, offset }, sort);
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
        const { filter, sort } = split(request.query);
        const exported = await exportItemsFor(deps, auditContextOf(request), actorOf(request).scope, filter, sort);
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
          summary: '问题件详情 A problem item: its clue in words, policies, customers (masked) and history',
          params: z.object({ itemNo: z.string().max(40) }),
          response: { 200: itemDetailSchema, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => getItemDetail(deps, actorOf(request).scope, auditContextOf(request), request.params.itemNo),
    );
  };
}
