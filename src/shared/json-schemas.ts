import { z } from 'zod';
import { agentSchema, applicationSchema, complaintSchema, gateOutcomeSchema } from './contract.js';

/** The JSON Schema of each record kind of the contract, as shipped under `schemas/`. */
export function contractJsonSchemas(): Record<string, unknown> {
  const kinds = {
    application: applicationSchema,
    agent: agentSchema,
    complaint: complaintSchema,
    'gate-outcome': gateOutcomeSchema,
  };
  return Object.fromEntries(
    Object.entries(kinds).map(([name, schema]) => [
      `${name}.schema.json`,
      {
        $id: `https://veracity.invalid/schemas/v1/${name}.schema.json`,
        ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
      },
    ]),
  );
}
