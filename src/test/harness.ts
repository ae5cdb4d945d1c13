import type { FastifyInstance } from 'fastify';
import { closeContext, createContext } from '../boot';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import type { UserRole } from '../db/schema';
import { createUser } from '../domain/users/create-user';
import { buildApp } from '../http/app';
import { systemActor } from '../policy/actor';
import { openTestDatabase } from './database';

export interface TestHarness {
  ctx: AppContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A fresh database and app per test file: `const h = await startHarness()` in beforeAll. */
export async function startHarness(): Promise<TestHarness> {
  const database = await openTestDatabase();
  const config = loadConfig({
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0000',
    PUBLIC_URL: 'http://localhost:3000',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
  });
  const ctx = await createContext(config, database);
  const app = await buildApp({ ctx });
  await app.ready();
  return {
    ctx,
    app,
    async close() {
      await app.close();
      await closeContext(ctx);
    },
  };
}

let userCounter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a user with the role and signs them in; returns the cookie header for app.inject. */
export async function signedInAs(
  h: TestHarness,
  role: UserRole,
  link: { employeeId?: number; contractorContactId?: number } = {},
): Promise<{ cookie: string; userId: string; email: string }> {
  const email = `${role}-${++userCounter}-${Date.now()}@test.achtplus.invalid`;
  const user = await createUser({
    db: h.ctx.db,
    actor: systemActor('test'),
    email,
    name: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
    ...link,
  });
  const cookie = await signIn(h, email, TEST_PASSWORD);
  return { cookie, userId: user.id, email };
}

/** Headers for app.inject as a new signed-in user of the role: the session cookie and the app's origin. */
export async function signedInHeaders(h: TestHarness, role: UserRole): Promise<Record<string, string>> {
  return { cookie: (await signedInAs(h, role)).cookie, origin: h.ctx.config.publicUrl };
}

export async function signIn(h: TestHarness, email: string, password: string): Promise<string> {
  const { headers } = await h.ctx.auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
  const cookies = headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.length) throw new Error(`sign-in of ${email} set no cookie`);
  return cookies.join('; ');
}
