import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, auditLog, userRoles, users } from '../../db/schema';
import { buildContractor, buildEmployee } from '../../test/factories';
import { signedInAs, startHarness, TEST_PASSWORD, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: { cookie: string; userId: string };
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInAs(h, 'admin');
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';
const asAdmin = () => ({ cookie: admin.cookie, origin });

const createUser = (payload: object, headers = asAdmin()) =>
  h.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload });
const patchUser = (id: string, payload: object, headers = asAdmin()) =>
  h.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers, payload });
const auditOf = (action: string, subjectId: string) =>
  h.ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
let n = 0;
const email = () => `gebruiker${++n}-${Date.now()}@test.achtplus.invalid`;

describe('users administration: who may', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
  });

  it.each(userRoles.filter((r) => r !== 'admin'))(
    'refuses a %s to list, create or change users',
    async (role) => {
      const { cookie, userId } = await signedInAs(h, role);
      expect(
        (await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })).statusCode,
      ).toBe(403);
      expect(
        (await createUser({ email: email(), name: 'X', role: 'admin' }, { cookie, origin })).statusCode,
      ).toBe(403);
      expect((await patchUser(userId, { role: 'admin' }, { cookie, origin })).statusCode).toBe(403);
      expect((await h.ctx.db.select().from(users).where(eq(users.id, userId)))[0]?.role).toBe(role);
    },
  );
});

describe('users administration by an admin', () => {
  it('lists and searches by name or e-mail, paginated', async () => {
    const e = email();
    await createUser({ email: e, name: 'Fatima Zwaneveld', role: 'quality' });
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=zwanev',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((u: { email: string }) => u.email)).toEqual([e]);
    const byMail = await h.app.inject({
      method: 'GET',
      url: `/api/v1/users?q=${encodeURIComponent(e.slice(0, 12))}`,
      headers: { cookie: admin.cookie },
    });
    expect(byMail.json().total).toBe(1);
    const paged = (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/users?pageSize=1&page=2',
        headers: { cookie: admin.cookie },
      })
    ).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(2);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/users?pageSize=500',
          headers: { cookie: admin.cookie },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('creates a user with a password who can then sign in; never returns secrets', async () => {
    const e = email();
    const res = await createUser({
      email: e,
      name: 'Jan de Vries',
      role: 'employee',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).not.toContain('password');
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: e, password: TEST_PASSWORD },
      remoteAddress: '10.1.0.1',
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('creates a magic-link-only user when no password is given', async () => {
    const res = await createUser({ email: email(), name: 'Piet Comaker', role: 'contractor' });
    expect(res.statusCode).toBe(201);
    expect(await h.ctx.db.select().from(accounts).where(eq(accounts.userId, res.json().id))).toHaveLength(0);
  });

  it('answers 409 for a taken e-mail, 400 naming the field for bad input or a missing link', async () => {
    const e = email();
    expect((await createUser({ email: e, name: 'A', role: 'employee' })).statusCode).toBe(201);
    expect((await createUser({ email: e.toUpperCase(), name: 'B', role: 'employee' })).statusCode).toBe(409);
    const bad = await createUser({ email: 'nope', name: 'B', role: 'boss', password: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['body.email', 'body.password', 'body.role']);
    const missing = await createUser({ email: email(), name: 'C', role: 'employee', employeeId: 999_999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('body.employeeId');
  });

  it('changes the role, audited with old and new role', async () => {
    const { userId, cookie } = await signedInAs(h, 'employee');
    const res = await patchUser(userId, { role: 'team_leader', name: 'Nieuwe naam' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'team_leader', name: 'Nieuwe naam' });
    const [entry] = await auditOf('user.role_changed', userId);
    expect(entry?.details).toMatchObject({ oldRole: 'employee', newRole: 'team_leader' });
    expect(entry?.actorUserId).toBe(admin.userId);
    // the change applies to the running session at once
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json().role).toBe(
      'team_leader',
    );
  });

  it('links a user to an employee and to a contractor contact person', async () => {
    const employee = await buildEmployee(h.ctx.db);
    const contractor = await buildContractor(h.ctx.db);
    const { userId, cookie } = await signedInAs(h, 'contractor');
    const res = await patchUser(userId, {
      employeeId: employee.id,
      contractorContactId: contractor.contact.id,
    });
    expect(res.json()).toMatchObject({ employeeId: employee.id, contractorContactId: contractor.contact.id });
    const me = (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json();
    expect(me.contractorId).toBe(contractor.id);
    expect(await auditOf('user.links_changed', userId)).toHaveLength(1);
    const unlinked = await patchUser(userId, { employeeId: null });
    expect(unlinked.json().employeeId).toBeNull();
  });

  it('disables a user: existing sessions stop working, signing in is refused, audited', async () => {
    const { userId, cookie, email: e } = await signedInAs(h, 'team_leader');
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await patchUser(userId, { disabled: true })).json().disabled).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin },
      payload: { email: e, password: TEST_PASSWORD },
      remoteAddress: '10.1.0.2',
    });
    expect(signIn.statusCode).toBe(403);
    expect(signIn.headers['set-cookie']).toBeUndefined();
    expect(await auditOf('user.disabled', userId)).toHaveLength(1);
    await patchUser(userId, { disabled: false });
    expect(await auditOf('user.enabled', userId)).toHaveLength(1);
  });

  it('answers 404 for an unknown user and 400 for an unknown field', async () => {
    expect((await patchUser('no-such-user', { name: 'X' })).statusCode).toBe(404);
    expect((await patchUser(admin.userId, { email: 'x@y.nl' })).statusCode).toBe(400);
  });

  it('never lets the last active admin be demoted or disabled', async () => {
    // leave exactly one active admin
    await h.ctx.db
      .update(users)
      .set({ disabled: true })
      .where(and(eq(users.role, 'admin'), ne(users.id, admin.userId)));
    const demote = await patchUser(admin.userId, { role: 'quality' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().message).toMatch(/last active admin/);
    expect((await patchUser(admin.userId, { disabled: true })).statusCode).toBe(400);
    const other = await signedInAs(h, 'admin');
    expect((await patchUser(admin.userId, { role: 'quality' })).statusCode).toBe(200);
    expect(
      (await patchUser(admin.userId, { role: 'admin' }, { cookie: other.cookie, origin })).statusCode,
    ).toBe(200);
  });
});
