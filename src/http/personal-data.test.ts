import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildContractor,
  buildEmployee,
  buildJob,
  buildTeam,
  buildTenant,
  buildUnit,
} from '../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../test/harness';

let h: TestHarness;
let admin: Record<string, string>;
let adminUserId: string;
const ids = { job: 0, unit: 0, tenant: 0, employee: 0, contractor: 0 };
beforeAll(async () => {
  h = await startHarness();
  const signedIn = await signedInAs(h, 'admin');
  admin = { cookie: signedIn.cookie, origin: h.ctx.config.publicUrl };
  adminUserId = signedIn.userId;
  const team = await buildTeam(h.ctx.db);
  const unit = await buildUnit(h.ctx.db);
  const tenant = await buildTenant(h.ctx.db, { unitId: unit.id });
  const job = await buildJob(h.ctx.db, { teamId: team.id, unitId: unit.id, tenantId: tenant.id });
  const employee = await buildEmployee(h.ctx.db, { teamId: team.id });
  const contractor = await buildContractor(h.ctx.db);
  Object.assign(ids, {
    job: job.id,
    unit: unit.id,
    tenant: tenant.id,
    employee: employee.id,
    contractor: contractor.id,
  });
});
afterAll(async () => h?.close());

type Call = { method: 'GET' | 'POST' | 'PATCH'; route: string; url: () => string; body?: () => object };
const get = (route: string, url: () => string = () => route): Call => ({ method: 'GET', route, url });

/** Every route whose answer carries personal data, with the status an admin's request gets. */
const PERSONAL: Array<[Call, number]> = [
  [get('/api/v1/tenants'), 200],
  [get('/api/v1/tenants/:id/export', () => `/api/v1/tenants/${ids.tenant}/export`), 200],
  [
    {
      method: 'POST',
      route: '/api/v1/tenants/:id/opt-in',
      url: () => `/api/v1/tenants/${ids.tenant}/opt-in`,
      body: () => ({ reason: 'telefonisch verzoek' }),
    },
    409, // not opted out: the refusal still names the tenant's state
  ],
  [
    {
      method: 'POST',
      route: '/api/v1/tenants/:id/erase',
      url: () => `/api/v1/tenants/${ids.tenant}/erase`,
      body: () => ({ confirm: 'not the external id' }),
    },
    400,
  ],
  [get('/api/v1/jobs'), 200],
  [get('/api/v1/jobs/:id', () => `/api/v1/jobs/${ids.job}`), 200],
  [get('/api/v1/jobs/:id/tenant-contact', () => `/api/v1/jobs/${ids.job}/tenant-contact`), 200],
  [get('/api/v1/jobs/:id/survey', () => `/api/v1/jobs/${ids.job}/survey`), 200],
  [get('/api/v1/responses'), 200],
  [get('/api/v1/metrics/overview'), 200],
  [get('/api/v1/metrics/trend'), 200],
  [get('/api/v1/metrics/breakdown'), 200],
  [get('/api/v1/metrics/journey'), 200],
  [get('/api/v1/metrics/breakdown/export'), 200],
  [get('/api/v1/metrics/reactions/export'), 200],
  [get('/api/v1/units/:id', () => `/api/v1/units/${ids.unit}`), 200],
  [get('/api/v1/audit-log'), 200],
  [get('/api/v1/outbox'), 200],
  [get('/api/v1/users'), 200],
  [
    {
      method: 'POST',
      route: '/api/v1/users',
      url: () => '/api/v1/users',
      body: () => ({ email: 'nieuw@test.achtplus.invalid', name: 'Nieuw', role: 'quality' }),
    },
    201,
  ],
  [
    {
      method: 'PATCH',
      route: '/api/v1/users/:id',
      url: () => `/api/v1/users/${adminUserId}`,
      body: () => ({ name: 'Beheerder' }),
    },
    200,
  ],
  [get('/api/v1/me'), 200],
  [{ method: 'PATCH', route: '/api/v1/me', url: () => '/api/v1/me', body: () => ({ locale: 'en' }) }, 200],
  [get('/api/v1/employees/:id', () => `/api/v1/employees/${ids.employee}`), 200],
  [get('/api/v1/contractors/:id', () => `/api/v1/contractors/${ids.contractor}`), 200],
  // a dry run previews the file's rows; this request is refused (not multipart), and says no-store too
  [{ method: 'POST', route: '/api/v1/imports', url: () => '/api/v1/imports', body: () => ({}) }, 415],
];

/** Routes whose answers hold no personal data: the organisation, its directory, settings, counts. */
const NOT_PERSONAL = [
  'GET /api/v1/targets',
  'GET /api/v1/metrics/latest',
  'PUT /api/v1/targets',
  'GET /api/v1/organisation',
  'PUT /api/v1/organisation',
  'GET /api/v1/departments',
  'GET /api/v1/regions',
  'GET /api/v1/teams',
  'GET /api/v1/teams/:id',
  'GET /api/v1/employees',
  'GET /api/v1/contractors',
  'GET /api/v1/units',
  'GET /api/v1/api-keys',
  'POST /api/v1/api-keys',
  'DELETE /api/v1/api-keys/:id',
  'GET /api/v1/imports',
  'GET /api/v1/imports/:id',
  'POST /api/v1/jobs',
  'POST /api/v1/jobs/status',
  'POST /api/v1/complexes',
  'POST /api/v1/units',
  'POST /api/v1/tenants',
  'POST /api/v1/employees',
  'POST /api/v1/contractors',
  'POST /api/v1/teams',
  'GET /api/v1/questionnaires',
  'GET /api/v1/questionnaires/:id/versions/:version',
  'POST /api/v1/questionnaires/:id/draft',
  'PUT /api/v1/questionnaires/:id/draft',
  'POST /api/v1/questionnaires/:id/publish',
  'GET /api/v1/survey-settings',
  'PUT /api/v1/survey-settings/:journey',
  'GET /api/v1/admin/event-processing', // processor, event and subject ids, states
  'POST /api/v1/jobs/:id/survey/resend', // the invitation's id and when it goes
];

const send = (call: Call) =>
  h.app.inject({
    method: call.method,
    url: call.url(),
    headers: admin,
    ...(call.body && { payload: call.body() }),
  });

describe('answers with personal data', () => {
  const table = PERSONAL.map(([call, status]) => [`${call.method} ${call.route}`, call, status] as const);
  it.each(table)('%s is sent with Cache-Control: no-store', async (_name, call, status) => {
    const res = await send(call);
    expect([res.statusCode, res.headers['cache-control']]).toEqual([status, 'no-store']);
  });

  it('also on the session answer of better-auth, which names the user', async () => {
    const res = await h.app.inject({ url: '/api/auth/get-session', headers: admin });
    expect(res.json()).toMatchObject({ user: { id: adminUserId } });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('and not on a route without personal data, which does not need it', async () => {
    for (const url of ['/api/v1/organisation', '/api/v1/teams', '/api/v1/units', '/api/v1/questionnaires']) {
      const res = await h.app.inject({ url, headers: admin });
      expect([url, res.statusCode, res.headers['cache-control']]).toEqual([url, 200, undefined]);
    }
  });

  it('every API route is in one of the two tables above, so a new route is a decision', async () => {
    const paths = (await h.app.inject({ url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    const routes = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    const classified = new Set([...PERSONAL.map(([c]) => `${c.method} ${c.route}`), ...NOT_PERSONAL]);
    const unclassified = routes.filter((r) => !classified.has(r));
    expect(unclassified, 'add these to PERSONAL (config: personalData) or NOT_PERSONAL').toEqual([]);
  });
});
