import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf } from '../../platform/http/route-access.js';
import { errorResponses, pageQuery } from '../../platform/http/schemas.js';
import { listNotifications, readNotification } from './notifications.service.js';

const notificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string().describe('item.escalated, …'),
    itemNo: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).describe('Codes, numbers and days; never a personal value'),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

/** The caller's own notifications in the console (P5.13: escalations of overdue items). */
export function notificationsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const userId = (request: Parameters<typeof actorOf>[0]) => {
      const actor = actorOf(request);
      // { signedIn: true } lets only staff in: an API key never reaches here.
      return actor.kind === 'user' ? actor.userId : -1;
    };
    app.get(
      '/notifications',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['notifications'],
          summary: '我的通知 Your notifications, newest first',
          querystring: z.object({
            ...pageQuery,
            limit: z.coerce.number().int().min(1).max(200).default(50),
            unread: z
              .enum(['true', 'false'])
              .optional()
              .transform((v) => v === 'true')
              .describe('Only the unread ones'),
          }),
          response: {
            200: z
              .object({ notifications: z.array(notificationSchema), unread: z.number().int() })
              .meta({ id: 'NotificationPage' }),
            ...errorResponses(400, 401, 403),
          },
        },
      },
      async (request) => listNotifications(deps, userId(request), request.query),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['notifications'],
          summary: '标为已读 Mark one of your notifications read',
          params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
          response: { 200: notificationSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => readNotification(deps, userId(request), request.params.id),
    );
  };
}
