import { z } from 'zod';
import { ITEM_STATUS_NAMES } from '../cases/case-rules.js';
import { SCAN_RULES } from './problem-items.js';

/** A problem item as listed (INTERCHANGE §5 and how it is being worked, P5.13): for every route that answers one. */
export const itemSchema = z
  .object({
    itemNo: z.string(),
    policyNo: z.string(),
    rule: z.enum(SCAN_RULES),
    relatedPolicyNos: z.array(z.string()),
    linkId: z.string(),
    detectedOn: z.string(),
    dueOn: z.string(),
    coolingOffEndsOn: z.string().nullable(),
    status: z.enum(ITEM_STATUS_NAMES),
    channel: z.string().nullable(),
    branchCode: z.string().nullable(),
    agentCode: z.string().nullable(),
    assignee: z.object({ id: z.number().int(), displayName: z.string() }).nullable(),
    distributedOn: z.string().nullable(),
    escalatedOn: z.string().nullable(),
    resolution: z.string().nullable(),
    complianceReview: z.boolean(),
    overdue: z.boolean().describe('Still owed and past its due day (China date)'),
    commissionHold: z.boolean().describe('The policy has an item not closed: its commission is held (缓发手续费)'),
  })
  .describe('A problem item (INTERCHANGE §5) with its policy’s channel, branch and seller, and who has it')
  .meta({ id: 'ProblemItem' });
