import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { addUser } from '../src/modules/users/users.service.js';
import { parseScope } from '../src/platform/access/scope.js';
import { SYSTEM_CONTEXT } from '../src/platform/audit/audit-events.js';
import type { Role } from '../src/shared/roles.js';
import type { TestStore } from './harness.js';

export const TEST_PASSWORD = 'Test-password-42';

/** A signed-in client: its cookie and anti-forgery token on every request. */
export interface Client {
  username: string;
  cookie: string;
  csrf: string;
}

export async function startApp(store: TestStore): Promise<FastifyInstance> {
  return buildApp(store);
}

export async function addStaff(store: TestStore, username: string, role: Role, scope: string[] = []): Promise<void> {
  await addUser(store, SYSTEM_CONTEXT, { username, role, scope: parseScope(scope), password: TEST_PASSWORD });
}

export async function signIn(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Client> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username}: ${response.statusCode} ${response.body}`);
  const cookie = String(response.headers['set-cookie']).split(';')[0] ?? '';
  return { username, cookie, csrf: response.json().csrfToken };
}

export function as(client: Client | undefined): Record<string, string> {
  return client ? { cookie: client.cookie, 'x-csrf-token': client.csrf } : {};
}
