import type { Deps } from '../../platform/context.js';
import type { Code } from '../../shared/codes.js';
import { countAgents } from '../agents/agents.repository.js';
import { countBook } from './intake.repository.js';

/** What the store holds: applications by outcome and by rejection code, customers, sellers. */
export interface BookSummary {
  applications: { accepted: number; rejected: number };
  /** Rejected applications per error code (an application with two codes counts under both). */
  rejectedByCode: Partial<Record<Code, number>>;
  customers: number;
  submissions: number;
  sellers: Array<{ kind: string; total: number; qualified: number }>;
}

export async function summarizeBook(deps: Deps): Promise<BookSummary> {
  const counts = await countBook(deps.db.kysely);
  const rejectedByCode: Partial<Record<Code, number>> = {};
  for (const row of counts.rejectedByCode) {
    for (const code of row.codes.split(',').filter(Boolean) as Code[]) {
      rejectedByCode[code] = (rejectedByCode[code] ?? 0) + row.count;
    }
  }
  const by = (status: string) => counts.applications.find((a) => a.status === status)?.count ?? 0;
  return {
    applications: { accepted: by('accepted'), rejected: by('rejected') },
    rejectedByCode,
    customers: counts.customers,
    submissions: counts.submissions,
    sellers: await countAgents(deps.db.kysely),
  };
}
