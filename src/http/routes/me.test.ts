import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userRoles } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { buildEmployee, buildTeam } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const origin = 'http://localhost:3000';

describe('GET /api/v1/me', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it.each(userRoles)('tells a %s who they are and what they may do', async (role) => {
    const { cookie, userId } = await signedInAs(h, role);
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({
      id: userId,
      role,
      locale: 'nl',
      employeeId: null,
      contractorId: null,
      ledTeamIds: [],
    });
    expect(me.abilities.includes('user.manage')).toBe(role === 'admin');
    expect(me.abilities.includes('outbox.read')).toBe(role === 'admin' || role === 'quality');
    expect(me.abilities).toContain('organisation.read');
  });

  it('gives a team leader the teams they lead and their employee id', async () => {
    const leader = await buildEmployee(h.ctx.db, { role: 'team_leader' });
    const team = await buildTeam(h.ctx.db, { leaderEmployeeId: leader.id });
    const { cookie } = await signedInAs(h, 'team_leader', { employeeId: leader.id });
    const me = (await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json();
    expect(me.employeeId).toBe(leader.id);
    expect(me.ledTeamIds).toEqual([team.id]);
  });

  it('refuses an API key: it has no profile', async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: ['jobs:read'],
    });
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${key.token}` },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/me', () => {
  it('changes the own language and nothing else', async () => {
    const { cookie } = await signedInAs(h, 'employee');
    const res = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie, origin },
      payload: { locale: 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('en');
    const again = await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(again.json().locale).toBe('en');
  });

  it('answers 400 naming the field for an unknown language or a role', async () => {
    const { cookie } = await signedInAs(h, 'employee');
    const bad = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie, origin },
      payload: { locale: 'de' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('body.locale');
    const promote = await h.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { cookie, origin },
      payload: { locale: 'nl', role: 'admin' },
    });
    expect(promote.statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).json().role).toBe(
      'employee',
    );
  });
});
