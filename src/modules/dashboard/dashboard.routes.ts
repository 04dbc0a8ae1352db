import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf } from '../../platform/http/route-access.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { getDashboard } from './dashboard.service.js';

const counts = {
  open: z.number().int().describe('Not closed'),
  dueToday: z.number().int().describe('Still owed (open, distributed, investigating, returned) and due today'),
  overdue: z.number().int().describe('Still owed and past the due day'),
  clearedThisWeek: z.number().int().describe('Closed since Monday'),
};

const dashboardSchema = z
  .object({
    today: z.string(),
    totals: z.object(counts),
    byChannel: z.array(z.object({ channel: z.string().nullable(), ...counts })),
    byBranch: z.array(z.object({ branchCode: z.string().nullable(), ...counts })),
    trend: z
      .array(z.object({ day: z.string(), raised: z.number().int(), cleared: z.number().int() }))
      .describe('The last 30 days, oldest first'),
    gateRejections: z
      .array(z.object({ code: z.string(), count: z.number().int() }))
      .describe(
        'Submissions not accepted in the last 30 days, by error code (one submission counts under each of its codes)',
      ),
  })
  .describe('The 工作台 figures within your data scope')
  .meta({ id: 'Dashboard' });

export function dashboardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard',
      {
        config: { access: { permission: 'items.read' } },
        schema: {
          tags: ['items'],
          summary: '工作台 Open, due today, overdue and cleared items; trend; gate rejections',
          response: { 200: dashboardSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => getDashboard(deps, actorOf(request).scope),
    );
  };
}
