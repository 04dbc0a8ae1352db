import { z } from 'zod';
import { CHANNELS, issueSchema } from '../../shared/contract.js';
import {
  ACTION_KINDS,
  type ActionKind,
  COMPLIANCE_ACTIONS,
  type ComplianceAction,
  EVIDENCE_KINDS,
  type EvidenceKind,
  LEGITIMATE_REASONS,
  type LegitimateReason,
  RESOLUTIONS,
  type Resolution,
} from './case-rules.js';

/** The request and answer shapes of the workflow's routes (P5.13, P5.24). */
const keys = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as [K, ...K[]];

export const EVIDENCE_KIND_NAMES = keys<EvidenceKind>(EVIDENCE_KINDS);

/** Staff's own words: sealed at rest. */
export const noteSchema = z.string().trim().min(1).max(2000);

export const evidenceSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(EVIDENCE_KIND_NAMES),
    fileName: z.string(),
    mediaType: z.string().describe('Told by the content: application/pdf, image/jpeg or image/png'),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'Evidence' });

export const assigneeRef = z.object({ id: z.number().int(), displayName: z.string() });

export const workBody = z.object({ kind: z.enum(keys<ActionKind>(ACTION_KINDS)), note: noteSchema });

export const submitBody = z.object({
  resolution: z.enum(keys<Resolution>(RESOLUTIONS)),
  legitimateReason: z.enum(keys<LegitimateReason>(LEGITIMATE_REASONS)).optional(),
  note: noteSchema,
});

export const verifyBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), reason: noteSchema.optional() }),
  z.object({ decision: z.literal('return'), reason: noteSchema.describe('Why it goes back: required') }),
]);

export const complianceBody = z.object({
  action: z.enum(keys<ComplianceAction>(COMPLIANCE_ACTIONS)),
  note: noteSchema,
});

export const correctionBody = z
  .object({
    party: z.enum(['applicant', 'insured']),
    phones: z.array(z.string().trim().min(1).max(40)).min(1).max(5).optional(),
    address: z.string().trim().min(1).max(200).optional(),
    accountNo: z.string().trim().min(1).max(40).optional(),
  })
  .refine((b) => b.phones !== undefined || b.address !== undefined || b.accountNo !== undefined, {
    message: 'give phones, address or accountNo',
  });

export const correctionAnswer = z
  .object({
    accepted: z.boolean(),
    errors: z.array(issueSchema),
    warnings: z.array(issueSchema),
    submissionId: z.number().int().nullable().describe('The new submission of the policy, when accepted'),
  })
  .meta({ id: 'CorrectionOutcome' });

const branchPrefix = z.string().regex(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/);

export const ruleInput = z.object({
  priority: z.number().int().min(1).max(10_000),
  channel: z.enum(CHANNELS).nullable().default(null),
  branchPrefix: branchPrefix.nullable().default(null).describe('A branch and its sub-branches: GD covers GD-GZ'),
  agentCode: z.string().trim().min(1).max(32).nullable().default(null),
  assigneeId: z.number().int().positive(),
});

export const ruleView = z
  .object({
    id: z.number().int(),
    priority: z.number().int(),
    channel: z.string().nullable(),
    branchPrefix: z.string().nullable(),
    agentCode: z.string().nullable(),
    assignee: assigneeRef,
  })
  .meta({ id: 'DistributionRule' });
