import { randomBytes } from 'node:crypto';
import type { Staff } from '../src/modules/cases/case-actor.js';
import { addUser } from '../src/modules/users/users.service.js';
import { parseScope } from '../src/platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../src/platform/audit/audit-events.js';
import type { Clock } from '../src/platform/clock.js';
import type { Role } from '../src/shared/roles.js';
import type { TestStore } from './harness.js';
import { TEST_PASSWORD } from './server.js';

/** Helpers for the problem-item workflow's tests (P5.13, P5.24). */

/** A clock the test moves on: "the next working day". */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return {
    now: () => new Date(at),
    set(next: string) {
      at = new Date(next);
    },
  };
}

/** A member of staff, created for real, as the services see them. */
export async function makeStaff(store: TestStore, username: string, role: Role, scope: string[] = []): Promise<Staff> {
  const user = await addUser(store, SYSTEM_CONTEXT, {
    username,
    role,
    scope: parseScope(scope),
    password: TEST_PASSWORD,
  });
  return { userId: user.id, username: user.username, role, scope: user.scope };
}

export const contextOf = (staff: Staff) => ({ actor: { kind: 'user' as const, name: staff.username } });

/** The smallest files each allowed type is recognised by, and a script dressed as a PDF. */
export const FILES = {
  pdf: Buffer.concat([Buffer.from('%PDF-1.4\n% 内勤签字调查报告\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(32)]),
  fakePdf: Buffer.from('<script>alert(1)</script> not a PDF at all'),
};

/** A multipart/form-data body as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; content: Buffer; field?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----veracity${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** The item of a policy (the first, by number). */
export async function itemOfPolicy(store: TestStore, policyNo: string): Promise<string> {
  const row = await store.db.kysely
    .selectFrom('problem_items')
    .select('item_no')
    .where('policy_no', '=', policyNo)
    .orderBy('item_no')
    .executeTakeFirstOrThrow();
  return row.item_no;
}

export async function itemRow(store: TestStore, itemNo: string) {
  return store.db.kysely
    .selectFrom('problem_items')
    .selectAll()
    .where('item_no', '=', itemNo)
    .executeTakeFirstOrThrow();
}

export async function auditTypes(store: TestStore, objectId?: string): Promise<string[]> {
  let query = store.db.kysely.selectFrom('audit_events').select('type').orderBy('seq');
  if (objectId) query = query.where('object_id', '=', objectId);
  return (await query.execute()).map((r) => r.type);
}

let made = 0;

/**
 * A fresh item on a policy, in the status asked for, straight into the table: for the route × role
 * table, where each call needs an item of its own in the right state.
 */
export async function makeItem(
  store: TestStore,
  options: {
    policyNo: string;
    status: string;
    assigneeId?: number | null;
    investigatorId?: number | null;
    resolution?: string | null;
  },
): Promise<string> {
  made += 1;
  const itemNo = `Q20991231-${String(made).padStart(6, '0')}`;
  const now = store.clock.now().toISOString();
  await store.db.kysely
    .insertInto('problem_items')
    .values({
      item_no: itemNo,
      policy_no: options.policyNo,
      rule: 'SHARED_PHONE',
      link_id: `L-${randomBytes(8).toString('hex')}`,
      related_policy_nos: '[]',
      detected_on: '2026-12-01',
      due_on: '2026-12-04',
      cooling_off_ends_on: null,
      status: options.status,
      deadline_warnings: '[]',
      created_at: now,
      updated_at: now,
      assignee_id: options.assigneeId ?? null,
      investigator_id: options.investigatorId ?? null,
      resolution: options.resolution ?? null,
    })
    .execute();
  return itemNo;
}
