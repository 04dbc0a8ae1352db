import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestStore, DIALECTS, type TestStore, writeJsonl } from '../../../test/harness.js';
import { agent, application } from '../../../test/records.js';
import { WHOLE_COMPANY } from '../../platform/access/scope.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import type { AuditContext } from '../../platform/audit/audit-events.js';
import { importAgents } from '../agents/agents.service.js';
import { submitApplications } from './gate-api.service.js';

describe.each(DIALECTS)('real-time submissions arriving together on %s', (dialect) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await importAgents(store, writeJsonl(store.dir, 'agents.jsonl', [agent()]));
  });
  afterEach(() => store.destroy());

  const caller = (name: string): { context: AuditContext; actor: Parameters<typeof submitApplications>[1] } => ({
    context: { actor: { kind: 'apikey', name }, requestId: `req-${name}` },
    actor: { kind: 'apikey', keyId: 1, name, scope: WHOLE_COMPANY },
  });

  it('share commits, yet each is stored once and audited under its own caller', async () => {
    const requests = Array.from({ length: 30 }, (_, i) => {
      const { actor, context } = caller(`core-${i}`);
      // Every third repeats the policy of the one before it: one of the two is stored, the other unchanged.
      const policyNo = `P20261129${String(i - (i % 3 === 2 ? 1 : 0)).padStart(5, '0')}`;
      return submitApplications(store, actor, context, [application({ policyNo })]);
    });
    const answers = (await Promise.all(requests)).flat();
    const statuses = answers.map((a) => ('outcome' in a ? a.outcome.status : 'refused'));
    expect(statuses.filter((s) => s === 'accepted')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'unchanged')).toHaveLength(10);

    const applications = await store.db.kysely.selectFrom('applications').select('policy_no').execute();
    expect(applications).toHaveLength(20);
    const events = await store.db.kysely
      .selectFrom('audit_events')
      .select(['actor', 'object_id', 'request_id'])
      .where('type', '=', 'application.submitted')
      .execute();
    expect(events).toHaveLength(20);
    for (const event of events) expect(event.request_id).toBe(`req-${event.actor}`);
    expect((await verifyAuditChain(store.db.kysely, store.keyring.indexKey)).ok).toBe(true);
  });
});
