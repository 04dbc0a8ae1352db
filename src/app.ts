import type { FastifyInstance } from 'fastify';
import { apiKeysRoutes } from './modules/apikeys/apikeys.routes.js';
import { apiKeyActor } from './modules/apikeys/apikeys.service.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { casesRoutes } from './modules/cases/cases.routes.js';
import { distributionRoutes } from './modules/cases/distribution.routes.js';
import { evidenceRoutes } from './modules/cases/evidence.routes.js';
import { commissionRoutes } from './modules/commission/commission.routes.js';
import { customersRoutes } from './modules/customers/customers.routes.js';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { intakeRoutes } from './modules/intake/intake.routes.js';
import { itemsRoutes } from './modules/linkage/items.routes.js';
import { createScanRunner, type ScanRunner } from './modules/linkage/scan-runner.js';
import { scansRoutes } from './modules/linkage/scans.routes.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { sessionRoutes } from './modules/users/session.routes.js';
import { sessionActor } from './modules/users/sessions.service.js';
import { usersRoutes } from './modules/users/users.routes.js';
import type { Deps } from './platform/context.js';
import { buildServer } from './platform/http/server.js';

/** Wires the feature routes onto the platform's server: the one place that knows them all. */
export function buildApp(
  deps: Deps,
  options: { draining?: () => boolean; scanRunner?: ScanRunner } = {},
): Promise<FastifyInstance> {
  return buildServer(deps, {
    authenticator: {
      session: (token) => sessionActor(deps, token),
      apiKey: (key) => apiKeyActor(deps, key),
    },
    routes: [
      sessionRoutes(deps),
      intakeRoutes(deps),
      usersRoutes(deps),
      apiKeysRoutes(deps),
      auditRoutes(deps),
      scansRoutes(deps, options.scanRunner ?? createScanRunner(deps)),
      itemsRoutes(deps),
      distributionRoutes(deps),
      casesRoutes(deps),
      evidenceRoutes(deps),
      customersRoutes(deps),
      notificationsRoutes(deps),
      commissionRoutes(deps),
      dashboardRoutes(deps),
      importsRoutes(deps),
    ],
    draining: options.draining,
  });
}
