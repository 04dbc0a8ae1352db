import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { coolingOffOf } from '../products/products.repository.js';
import { applicationsByPolicy } from './linkage.repository.js';
import { coolingOffEndOf } from './problem-items.js';

/**
 * The cooling-off end of each policy as its application stands now (INTERCHANGE §5): what the scan
 * writes on a new item, and what distribution refreshes, for the receipt is often signed after the
 * scan of T+1. A policy not found, or whose receipt is not signed, maps to null.
 */
export async function coolingOffEndsOf(
  q: Kysely<Database>,
  policyNos: readonly string[],
): Promise<Map<string, string | null>> {
  const applications = await applicationsByPolicy(q, [...new Set(policyNos)]);
  const days = await coolingOffOf(q, [
    ...new Set([...applications.values()].flatMap((a) => (a.productCode ? [a.productCode] : []))),
  ]);
  const out = new Map<string, string | null>();
  for (const policyNo of policyNos) {
    const application = applications.get(policyNo);
    out.set(policyNo, coolingOffEndOf(application?.receiptSignedAt, days.get(application?.productCode ?? '')));
  }
  return out;
}
