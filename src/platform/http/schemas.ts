import { z } from 'zod';
import { CHANNELS } from '../../shared/contract.js';
import { errorBodySchema } from './error-handler.js';

/** Schemas several route files share. */
export const scopeSchema = z
  .object({
    branches: z.array(z.string()).describe('Branch codes; a code covers its sub-branches (GD covers GD-GZ)'),
    channels: z.array(z.enum(CHANNELS)),
  })
  .describe('Data scope: empty lists mean the whole company')
  .meta({ id: 'Scope' });

/** The error answers a route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<number, typeof errorBodySchema>;
}

/** Every authenticated route can answer these. */
export const AUTH_ERRORS = [400, 401, 403] as const;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
};
