import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context.js';
import { actorOf, auditContextOf } from '../../platform/http/route-access.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { getCustomer, REASON_LENGTH, REVEAL_FIELDS, revealCustomerValue } from './customers.service.js';

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const maskedPartySchema = z.object({
  name: z.string().nullable(),
  idNo: z.string().nullable(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  phones: z.array(z.string()),
  address: z.string().nullable(),
  accountNo: z.string().nullable(),
});

const customerSchema = z
  .object({
    customerId: z.number().int(),
    version: z.number().int(),
    idType: z.string(),
    name: z.string().nullable(),
    idNo: z.string().nullable(),
    gender: z.string().nullable(),
    birthDate: z.string().nullable().describe('Year and month only: 1980-01-**'),
    phones: z.array(z.string()),
    address: z.string().nullable(),
    policies: z.array(
      z.object({
        policyNo: z.string(),
        role: z.string().describe('applicant, insured, beneficiary or payer'),
        seq: z.number().int(),
        relation: z.string().nullable(),
        channel: z.string().nullable(),
        branchCode: z.string().nullable(),
        agentCode: z.string().nullable(),
        status: z.string(),
      }),
    ),
    openItems: z
      .array(
        z.object({ itemNo: z.string(), policyNo: z.string(), rule: z.string(), dueOn: z.string(), status: z.string() }),
      )
      .describe(
        'The items of the policies within your scope not closed yet (open, distributed, investigating, submitted, returned), earliest due first',
      ),
    contactHistory: z
      .array(
        z.object({
          version: z.number().int(),
          recordedAt: z.string().describe('When the submission that said it was received'),
          policyNo: z.string(),
          submissionId: z.number().int(),
          role: z.string(),
          changed: z
            .array(z.enum(['name', 'idNo', 'gender', 'birthDate', 'phones', 'address', 'accountNo']))
            .describe('What differs from the previous version listed; the first lists what it holds'),
          values: maskedPartySchema,
        }),
      )
      .describe('The versions of the customer said by policies within your scope, newest first; values masked'),
    links: z
      .array(
        z.object({
          linkId: z.string(),
          rule: z.string(),
          kind: z.string(),
          status: z.string().describe('open or cleared'),
          households: z.number().int(),
          members: z.number().int().describe('How many customers share the value'),
          firstDetectedOn: z.string(),
          lastDetectedOn: z.string(),
          itemNos: z.array(z.string()),
        }),
      )
      .describe('The links the customer is a member of, among the items of the policies within your scope'),
    items: z
      .array(
        z.object({
          itemNo: z.string(),
          policyNo: z.string(),
          rule: z.string(),
          linkId: z.string(),
          detectedOn: z.string(),
          dueOn: z.string(),
          status: z.string(),
          overdue: z.boolean(),
          escalatedOn: z.string().nullable(),
        }),
      )
      .describe('Every item of the policies within your scope, whatever its status, newest first'),
  })
  .describe('A customer as their current version says, masked; the policies and items within your data scope')
  .meta({ id: 'Customer' });

const REASON_MESSAGE = `reason: ${REASON_LENGTH.min}–${REASON_LENGTH.max} characters / 须填写查看理由，${REASON_LENGTH.min} 至 ${REASON_LENGTH.max} 个字`;

/** Customers, masked by default; one value in the clear with a stated reason (P5.21). */
export function customersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/customers/:id',
      {
        config: { access: { permission: 'customers.read' } },
        schema: {
          tags: ['customers'],
          summary: '客户信息（脱敏）A customer, masked',
          params,
          response: { 200: customerSchema, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => getCustomer(deps, actorOf(request).scope, auditContextOf(request), request.params.id),
    );

    app.post(
      '/customers/:id/reveal',
      {
        config: { access: { permission: 'pii.reveal' } },
        schema: {
          tags: ['customers'],
          summary: '查看明文 Reveal one personal value, with a reason; the reveal is audited',
          params,
          body: z
            .object({
              field: z.enum(REVEAL_FIELDS),
              index: z.number().int().min(0).max(20).optional().describe('Which phone, from 0'),
              policyNo: z.string().max(40).optional().describe('The policy whose record to read'),
              reason: z
                .string({ error: REASON_MESSAGE })
                .trim()
                .min(REASON_LENGTH.min, { error: REASON_MESSAGE })
                .max(REASON_LENGTH.max, { error: REASON_MESSAGE }),
            })
            .meta({ id: 'RevealRequest' }),
          response: {
            200: z
              .object({ field: z.enum(REVEAL_FIELDS), value: z.string(), policyNo: z.string() })
              .meta({ id: 'RevealedValue' }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const revealed = await revealCustomerValue(
          deps,
          actorOf(request).scope,
          auditContextOf(request),
          request.params.id,
          request.body,
        );
        return reply.header('cache-control', 'no-store').send(revealed);
      },
    );
  };
}
