import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaToday } from '../../platform/clock.js';
import type { Deps } from '../../platform/context.js';
import { auditContextOf } from '../../platform/http/route-access.js';
import { AUTH_ERRORS, errorResponses, pageQuery } from '../../platform/http/schemas.js';
import type { ScanRunner } from './scan-runner.js';
import { listScanRuns } from './scan-runs.repository.js';

const modeSchema = z.enum(['daily', 'full']);
const counts = z.record(z.string(), z.number().int());

const scanRunSchema = z
  .object({
    id: z.number().int(),
    asOf: z.string(),
    mode: modeSchema,
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    applications: z.number().int().describe('Applications taken in by the run'),
    itemsRaised: z.number().int(),
  })
  .meta({ id: 'ScanRun' });

const scanSummarySchema = z
  .object({
    asOf: z.string(),
    mode: modeSchema,
    applications: z.number().int(),
    itemsRaised: z.number().int(),
    summary: z.object({ byRule: counts, byChannel: counts, byBranch: counts }).describe('Items raised, counted'),
    deadlineWarnings: z.array(z.string()).describe('Deadlines counted on a year without official calendar data'),
    seconds: z.number(),
  })
  .meta({ id: 'ScanSummary' });

/** The T+1 scan's runs (P5.7), and a scan started by hand (after a rule change: full). */
export function scansRoutes(deps: Deps, runner: ScanRunner): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/scans',
      {
        config: { access: { permission: 'scans.read' } },
        schema: {
          tags: ['scan'],
          summary: '扫描记录 Scan runs, newest first',
          querystring: z.object(pageQuery),
          response: {
            200: z.object({ runs: z.array(scanRunSchema), total: z.number().int() }),
            ...errorResponses(...AUTH_ERRORS),
          },
        },
      },
      async (request) => {
        const { rows, total } = await listScanRuns(deps.db.kysely, request.query);
        const runs = rows.map((r) => ({
          id: r.id,
          asOf: r.as_of,
          mode: r.mode,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          applications: r.applications,
          itemsRaised: r.items_raised,
        }));
        return { runs, total };
      },
    );

    app.post(
      '/scans',
      {
        config: { access: { permission: 'scans.run' } },
        schema: {
          tags: ['scan'],
          summary: '执行扫描 Run a scan now and answer with its summary (409 while one is running)',
          body: z
            .object({
              asOf: z
                .string()
                .regex(/^\d{4}-\d{2}-\d{2}$/)
                .optional()
                .describe('The scan day YYYY-MM-DD: takes applications entered before it (default: today, China time)'),
              mode: modeSchema.default('daily').describe('full: re-scan the whole book (after a rule change)'),
            })
            .strict()
            .default({ mode: 'daily' }),
          response: { 200: scanSummarySchema, ...errorResponses(...AUTH_ERRORS, 409) },
        },
      },
      async (request) => {
        const { asOf, mode } = request.body;
        return runner.run({ asOf: asOf ?? chinaToday(deps.clock), mode }, auditContextOf(request));
      },
    );
  };
}
