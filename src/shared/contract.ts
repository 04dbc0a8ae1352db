/**
 * The public data contract (INTERCHANGE v1) as zod schemas. These describe well-formed records;
 * they generate the JSON Schemas under `schemas/` and type the code. The gate does not reject with
 * zod messages: it reads records leniently and names every defect with a contract code
 * (see modules/intake/read-application.ts).
 */
import { z } from 'zod';

export const ID_TYPES = [
  'RESIDENT_ID',
  'HMT_RESIDENCE_PERMIT',
  'FOREIGN_PERMANENT_RESIDENT',
  'PASSPORT',
  'HK_MACAU_PASS',
  'TAIWAN_PASS',
  'MILITARY_ID',
  'BIRTH_CERTIFICATE',
  'OTHER',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const CHANNELS = ['agent', 'bancassurance', 'agency'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRODUCT_TYPES = [
  'participating',
  'unit_linked',
  'universal',
  'traditional_life',
  'accident',
  'health',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const RELATIONS = ['self', 'spouse', 'child', 'parent', 'other_relative', 'employer', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

/** Relations that make two parties of one policy family (INTERCHANGE §5). */
export const FAMILY_RELATIONS: ReadonlySet<Relation> = new Set(['spouse', 'child', 'parent']);

export const GENDERS = ['M', 'F'] as const;
export type Gender = (typeof GENDERS)[number];

export const AGENT_KINDS = ['agent', 'bancassurance_specialist', 'agency'] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export const COMPLAINT_KINDS = ['misleading_sales', 'service', 'claims', 'other'] as const;

const isoDate = z.iso.date().describe('YYYY-MM-DD');
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/)
  .describe('ISO 8601 timestamp; without an offset it is China time (+08:00)');
const text = z.string().min(1);

export const partySchema = z.object({
  name: text,
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  idType: z.enum(ID_TYPES),
  idNo: text,
  address: z.string().nullish(),
  phones: z.array(z.string()).optional(),
  email: z.string().nullish(),
});

export const insuredSchema = partySchema
  .extend({ idNo: z.string().nullish().describe('not required while the insured is under 18 on appliedAt') })
  .partial({ idType: true })
  .extend({ relationToApplicant: z.enum(RELATIONS) })
  .or(z.object({ relationToApplicant: z.literal('self') }));

export const beneficiarySchema = z.object({
  name: text,
  idType: z.enum(ID_TYPES).nullish(),
  idNo: z.string().nullish(),
  gender: z.enum(GENDERS).nullish(),
  birthDate: isoDate.nullish(),
  relationToInsured: z.enum(RELATIONS),
  sharePct: z.number().min(0).max(100),
});

export const payerAccountSchema = z.object({
  bankCode: z.string().nullish(),
  accountNo: text,
  holderName: z.string().nullish(),
  holderIdType: z.enum(ID_TYPES).nullish(),
  holderIdNo: z.string().nullish(),
  approvalRef: z.string().nullish().describe('approval of a payer who is not the applicant (P5.11)'),
});

export const applicationSchema = z
  .object({
    policyNo: text,
    channel: z.enum(CHANNELS),
    agentCode: z.string().nullish(),
    agencyCode: z.string().nullish(),
    branchCode: text,
    productCode: text,
    productType: z.enum(PRODUCT_TYPES),
    termMonths: z.number().int().positive(),
    appliedAt: isoDateTime,
    receiptSignedAt: isoDateTime.nullish(),
    premium: z.object({
      amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
      currency: z.string().length(3),
      frequency: z.string(),
    }),
    payerAccount: payerAccountSchema.nullish(),
    applicant: partySchema.extend({ address: text, phones: z.array(z.string()).min(1) }),
    insured: insuredSchema,
    beneficiaries: z.array(beneficiarySchema).optional(),
  })
  .describe('Policy application record (投保单), INTERCHANGE §1');

export const agentSchema = z
  .object({
    agentCode: text,
    kind: z.enum(AGENT_KINDS),
    agencyKind: z.enum(['professional', 'part_time']).nullish(),
    name: text,
    idType: z.enum(ID_TYPES).nullish(),
    idNo: z.string().nullish(),
    branchCode: z.string().nullish(),
    phones: z.array(z.string()).optional(),
    address: z.string().nullish(),
    qualifiedOn: isoDate.nullish(),
    relatives: z
      .array(
        z.object({
          name: z.string().nullish(),
          relation: z.string().nullish(),
          phones: z.array(z.string()).optional(),
          address: z.string().nullish(),
        }),
      )
      .optional(),
  })
  .describe('Agent register record (营销员 / 银保专管员 / 代理机构), INTERCHANGE §2');

export const complaintSchema = z
  .object({
    complaintNo: text,
    agentCode: text,
    policyNo: z.string().nullish(),
    receivedOn: isoDate,
    kind: z.enum(COMPLAINT_KINDS),
    verified: z.boolean(),
    verifiedOn: isoDate.nullish(),
    summary: z.string().nullish(),
  })
  .describe('Complaints register record (投诉), INTERCHANGE §2a');

export const issueSchema = z.object({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  clause: z.string().optional(),
});

export const gateOutcomeSchema = z
  .object({
    policyNo: z.string().nullable(),
    accepted: z.boolean(),
    errors: z.array(issueSchema),
    warnings: z.array(issueSchema),
  })
  .describe('Underwriting gate outcome per record, INTERCHANGE §3');

export type ApplicationRecord = z.infer<typeof applicationSchema>;
export type AgentRecord = z.infer<typeof agentSchema>;
export type ComplaintRecord = z.infer<typeof complaintSchema>;
