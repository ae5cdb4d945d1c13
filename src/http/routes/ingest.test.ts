import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { buildTeam, buildUnit } from '../../test/factories';
import { signedInHeaders, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInHeaders(h, 'admin');
});
afterAll(async () => h?.close());

const post = (url: string, payload: unknown, headers: Record<string, string>) =>
  h.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('POST /api/v1/jobs', () => {
  it('takes one job or a batch, idempotently', async () => {
    const unit = await buildUnit(h.ctx.db);
    const team = await buildTeam(h.ctx.db);
    const one = {
      externalId: 'API-1',
      journey: 'repair',
      unitExternalId: unit.externalId,
      teamCode: team.code,
    };
    expect((await post('/api/v1/jobs', one, admin)).json()).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    const batch = { jobs: [one, { ...one, externalId: 'API-2', completedAt: '2024-05-01T10:00:00+02:00' }] };
    expect((await post('/api/v1/jobs', batch, admin)).json()).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 1,
    });
    expect((await post('/api/v1/jobs', batch, admin)).json()).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });

  it('names the field and index of bad input, and of unknown references', async () => {
    const bad = await post(
      '/api/v1/jobs',
      {
        jobs: [
          { externalId: 'A', journey: 'repair' },
          { externalId: 'B', journey: 'repair', completedAt: 'gisteren' },
        ],
      },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].field).toBe('body.jobs.1.completedAt');
    const unknown = await post(
      '/api/v1/jobs',
      { jobs: [{ externalId: 'C', journey: 'repair', teamCode: 'NOPE' }] },
      admin,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([
      { field: 'body.jobs.0.teamCode', message: 'unknown team "NOPE"' },
    ]);
    expect(unknown.body).not.toMatch(/at .*\.ts/);
  });

  it('refuses more than 10,000 jobs naming the limit', async () => {
    const jobs = Array.from({ length: 10_001 }, (_, i) => ({ externalId: `BIG-${i}`, journey: 'repair' }));
    const res = await post('/api/v1/jobs', { jobs }, admin);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/at most 10,000 jobs/);
  });

  it('status updates keep the completion moment', async () => {
    const at = '2024-06-01T09:00:00+02:00';
    const update = { updates: [{ externalId: 'API-1', status: 'completed', at }] };
    expect((await post('/api/v1/jobs/status', update, admin)).json()).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const again = { updates: [{ externalId: 'API-1', status: 'completed' }] };
    expect((await post('/api/v1/jobs/status', again, admin)).json()).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 1,
    });
    const missing = await post(
      '/api/v1/jobs/status',
      { updates: [{ externalId: 'NOPE', status: 'completed' }] },
      admin,
    );
    expect(missing.json().issues[0].field).toBe('body.updates.0.externalId');
  });
});

describe('who may write', () => {
  const job = { externalId: 'PERM-1', journey: 'repair' };
  const roles: Array<[UserRole, number, number]> = [
    // role, jobs status, masterdata status
    ['admin', 200, 200],
    ['contact_centre', 200, 403],
    ['director', 403, 403],
    ['head', 403, 403],
    ['team_leader', 403, 403],
    ['employee', 403, 403],
    ['quality', 403, 403],
    ['contractor', 403, 403],
  ];
  it.each(roles)('%s: jobs %i, master data %i', async (role, jobsStatus, masterStatus) => {
    const headers = await signedInHeaders(h, role);
    expect((await post('/api/v1/jobs', job, headers)).statusCode).toBe(jobsStatus);
    const complexes = { complexes: [{ externalId: `PC-${role}`, name: 'Complex', city: 'Utrecht' }] };
    expect((await post('/api/v1/complexes', complexes, headers)).statusCode).toBe(masterStatus);
  });

  it('API keys act through their scopes; no credentials is 401', async () => {
    const jobsKey = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('t'),
      name: 'erp',
      scopes: ['jobs:write'],
    });
    const readKey = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('t'),
      name: 'ro',
      scopes: ['jobs:read', 'masterdata:read'],
    });
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    expect((await post('/api/v1/jobs', job, bearer(jobsKey.token))).statusCode).toBe(200);
    expect((await post('/api/v1/units', { units: [] }, bearer(jobsKey.token))).statusCode).toBe(403);
    expect((await post('/api/v1/jobs', job, bearer(readKey.token))).statusCode).toBe(403);
    expect((await post('/api/v1/jobs', job, {})).statusCode).toBe(401);
  });

  it('is documented in the OpenAPI file', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/jobs', '/api/v1/jobs/status', '/api/v1/tenants']),
    );
  });
});
