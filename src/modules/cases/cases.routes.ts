import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { itemSchema } from '../linkage/item-schemas.js';
import { staffOf } from './case-actor.js';
import { complianceBody, correctionAnswer, correctionBody, submitBody, verifyBody, workBody } from './case-schemas.js';
import { correctItem } from './correction.service.js';
import { recordWork, submitItem } from './investigation.service.js';
import { complianceAction, verifyItem } from './verification.service.js';

const params = z.object({ itemNo: z.string().max(40) });
const STEP_ERRORS = errorResponses(400, 401, 403, 404, 409);

/** Working an item to a close (P5.13, P5.24): investigate, correct, submit, verify, compliance. */
export function casesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/items/:itemNo/work',
      {
        config: { access: { permission: 'items.work' } },
        schema: {
          tags: ['items'],
          summary: '记录处理情况 Record a call, a visit, documents or a note on your item (the note is sealed)',
          params,
          body: workBody,
          response: { 200: itemSchema, ...STEP_ERRORS },
        },
      },
      async (request) =>
        recordWork(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );

    app.post(
      '/items/:itemNo/correction',
      {
        config: { access: { permission: 'items.work' } },
        schema: {
          tags: ['items'],
          summary:
            '更正客户资料 Correct phones, address or the payer account through the gate: a new versioned submission',
          params,
          body: correctionBody,
          response: { 200: correctionAnswer, ...STEP_ERRORS },
        },
      },
      async (request) =>
        correctItem(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );

    app.post(
      '/items/:itemNo/submit',
      {
        config: { access: { permission: 'items.work' } },
        schema: {
          tags: ['items'],
          summary: '提交核实 Submit your resolution (corrected or legitimate) for verification',
          params,
          body: submitBody,
          response: { 200: itemSchema, ...STEP_ERRORS },
        },
      },
      async (request) =>
        submitItem(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );

    app.post(
      '/items/:itemNo/verify',
      {
        config: { access: { permission: 'items.verify' } },
        schema: {
          tags: ['items'],
          summary: '核实 Accept (close) or return a submitted item; not by anyone who investigated it (four eyes)',
          params,
          body: verifyBody,
          response: { 200: itemSchema, ...STEP_ERRORS },
        },
      },
      async (request) =>
        verifyItem(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );

    app.post(
      '/items/:itemNo/compliance',
      {
        config: { access: { permission: 'items.compliance' } },
        schema: {
          tags: ['items'],
          summary: '合规处理 Investigate it yourself, issue a rectification opinion, or refer it to the committee',
          params,
          body: complianceBody,
          response: { 200: itemSchema, ...STEP_ERRORS },
        },
      },
      async (request) =>
        complianceAction(deps, staffOf(actorOf(request)), auditContextOf(request), request.params.itemNo, request.body),
    );
  };
}
