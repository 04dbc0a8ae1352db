import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import { CHANNELS } from '../../shared/contract.js';
import { exportHolds, listHolds } from './commission.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';
const file = z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string', format: 'binary' });

const filterQuery = {
  channel: z.enum(CHANNELS).optional(),
  branchCode: z
    .string()
    .regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/)
    .optional()
    .describe('A branch and its sub-branches: GD covers GD-GZ'),
  agentCode: z.string().max(32).optional(),
};

const holdSchema = z
  .object({
    policyNo: z.string(),
    channel: z.string().nullable(),
    branchCode: z.string().nullable(),
    agentCode: z.string().nullable(),
    openItems: z.number().int().describe('Problem items of the policy not closed'),
    oldestDueOn: z.string().describe('The earliest due day among them'),
  })
  .describe('A policy whose commission is held (缓发手续费) until its problem items are closed')
  .meta({ id: 'CommissionHold' });

/** Policies whose commission is held while a problem item is not closed, for the commission system. */
export function commissionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const access = { permission: 'items.export' } as const;
    app.get(
      '/commission-holds',
      {
        config: { access },
        schema: {
          tags: ['items'],
          summary: '缓发手续费保单 Policies whose commission is held, within your data scope',
          querystring: z.object({ ...filterQuery, ...pageQuery }),
          response: {
            200: z.object({ holds: z.array(holdSchema), total: z.number().int() }).meta({ id: 'CommissionHoldPage' }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        return listHolds(deps, actorOf(request).scope, filter, { limit, offset });
      },
    );
    app.get(
      '/commission-holds/export',
      {
        config: { access },
        schema: {
          tags: ['items'],
          summary: '导出缓发手续费保单 Export the held policies (xlsx, or csv for the commission system)',
          querystring: z.object({ ...filterQuery, format: z.enum(['xlsx', 'csv']).default('xlsx') }),
          response: {
            200: { description: 'The file', content: { [XLSX]: { schema: file }, [CSV]: { schema: file } } },
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const exported = await exportHolds(deps, auditContextOf(request), actorOf(request).scope, format, filter);
        return reply
          .header('content-type', format === 'xlsx' ? XLSX : CSV)
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .header('cache-control', 'no-store')
          .send(exported.stream);
      },
    );
  };
}
