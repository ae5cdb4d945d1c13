import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { systemActor } from '../../policy/actor';
import { buildJob, buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/** GET /responses: who sees which responses, the tenant's name only with consent, filters, paging. */
let h: TestHarness;
let w: World;
let as: Record<WorldActor | 'apiResponses', Record<string, string>>;
let r: Record<'jan' | 'contractor' | 'klaas' | 'fatima' | 'other' | 'unlinked', { id: number }>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  const key = await createApiKey({
    db: h.ctx.db,
    actor: systemActor('test'),
    name: 'bi',
    scopes: ['responses:read'],
  });
  as = { ...(await signInWorld(h, w)), apiResponses: { authorization: `Bearer ${key.token}` } };
  const db = h.ctx.db;
  r = {
    // 23:30 in Amsterdam on 30 June
    jan: await buildResponse(db, w.jobs.repairNorthByJan, {
      grade: 9,
      nps: 10,
      consent: true,
      comment: 'Netjes <b>gewerkt</b> & op tijd',
      submittedAt: new Date('2024-06-30T21:30:00Z'),
    }),
    // 00:30 on 1 July in Amsterdam
    contractor: await buildResponse(db, w.jobs.repairNorthByContractor, {
      grade: 5,
      nps: 3,
      consent: true,
      comment: 'Te laat',
      submittedAt: new Date('2024-06-30T22:30:00Z'),
    }),
    klaas: await buildResponse(db, w.jobs.repairSouthByKlaas, {
      grade: 7,
      consent: false,
      submittedAt: new Date('2024-07-02T10:00:00Z'),
    }),
    fatima: await buildResponse(db, w.jobs.plannedNorthByFatima, {
      grade: 6,
      nps: 5,
      consent: false,
      comment: '   ',
      submittedAt: new Date('2024-07-03T10:00:00Z'),
    }),
    other: await buildResponse(db, w.jobs.plannedSouthByOther, {
      grade: 8,
      consent: true,
      submittedAt: new Date('2024-07-04T10:00:00Z'),
    }),
    // past the retention period: the link to the job and the tenant is cut, the figures stay
    unlinked: await buildResponse(
      db,
      await buildJob(db, { teamId: w.teams.repairSouth.id, externalId: 'WO-OLD-1' }),
      { grade: 10, consent: true, submittedAt: new Date('2022-01-05T10:00:00Z') },
    ),
  };
  await db
    .update(responses)
    .set({ jobId: null, tenantId: null, unlinkedAt: new Date() })
    .where(eq(responses.id, r.unlinked.id));
}, 60_000);
afterAll(async () => h?.close());

const get = async (actor: keyof typeof as, query = '') => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/responses?${query}`, headers: as[actor] });
  return { status: res.statusCode, body: res.json(), text: res.body };
};
const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describe('GET /responses: the response scope', () => {
  const all = () => [r.other, r.fatima, r.klaas, r.contractor, r.jan, r.unlinked].map((x) => x.id);
  const expected: Record<WorldActor | 'apiResponses', (() => number[]) | 403> = {
    admin: all,
    director: all,
    contact_centre: all,
    quality: all,
    apiResponses: all,
    head: () => [r.klaas.id, r.contractor.id, r.jan.id, r.unlinked.id],
    team_leader: () => [r.contractor.id, r.jan.id],
    employee: () => [r.jan.id],
    contractor: () => [r.contractor.id],
    apiRead: 403,
    apiNone: 403,
  };
  it.each([...worldActors, 'apiResponses' as const])('as %s', async (actor) => {
    const res = await get(actor, 'pageSize=200');
    const want = expected[actor];
    if (want === 403) return expect(res.status, res.text).toBe(403);
    expect(res.status, res.text).toBe(200);
    expect(ids(res.body)).toEqual(want()); // newest first
    expect(res.body.total).toBe(want().length);
  });
});

describe('GET /responses: the tenant is named only with consent, and only to staff', () => {
  const tenantOf = (job: { tenantId: number | null }) => w.tenants.find((t) => t.id === job.tenantId)!;

  it('shows a consenting tenant’s name to staff, never an anonymous one’s', async () => {
    const { body } = await get('admin', 'pageSize=200');
    const item = (id: number) => body.items.find((i: { id: number }) => i.id === id);
    expect(item(r.jan.id).tenant).toEqual({ name: tenantOf(w.jobs.repairNorthByJan).name });
    expect(item(r.klaas.id)).not.toHaveProperty('tenant');
    expect(item(r.fatima.id)).not.toHaveProperty('tenant');
    expect(item(r.unlinked.id)).not.toHaveProperty('tenant');
    const everything = JSON.stringify(body);
    for (const job of [w.jobs.repairSouthByKlaas, w.jobs.plannedNorthByFatima])
      expect(everything).not.toContain(tenantOf(job).name);
  });

  it.each(['contractor', 'apiResponses'] as const)('never names a tenant to %s', async (actor) => {
    const { body, text } = await get(actor, 'pageSize=200');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.some((i: { consent: boolean }) => i.consent)).toBe(true);
    for (const i of body.items) expect(i).not.toHaveProperty('tenant');
    for (const t of w.tenants) expect(text).not.toContain(t.name);
  });
});

describe('GET /responses: what an item holds', () => {
  it('carries attribution with names, the job, the version and typed answers with question texts', async () => {
    const { body } = await get(
      'admin',
      `teamId=${w.teams.repairNorth.id}&technicianId=${w.technicians.repairNorth.id}`,
    );
    expect(body.items).toHaveLength(1);
    const item = body.items[0];
    expect(item).toMatchObject({
      id: r.jan.id,
      submittedAt: '2024-06-30T21:30:00.000Z',
      journey: 'repair',
      job: { id: w.jobs.repairNorthByJan.id, externalId: w.jobs.repairNorthByJan.externalId },
      team: { id: w.teams.repairNorth.id, name: 'Reparatie Noord' },
      technician: { id: w.technicians.repairNorth.id, name: 'Jan Vakman' },
      contractor: null,
      trade: 'timmerman',
      grade: 9,
      nps: 10,
      consent: true,
      questionnaire: { id: expect.any(Number), version: 1 },
    });
    const grade = item.answers.find((a: { questionKey: string }) => a.questionKey === 'grade');
    expect(grade).toMatchObject({
      questionType: 'grade',
      numericValue: 9,
      textValue: null,
      questionText: { nl: expect.stringContaining('rapportcijfer'), en: expect.stringContaining('grade') },
    });
    const comment = item.answers.find((a: { questionKey: string }) => a.questionKey === 'comment');
    // stored and returned as text, exactly as typed: escaping is the showing side's work
    expect(comment.textValue).toBe('Netjes <b>gewerkt</b> & op tijd');
  });

  it('names no job once the link was cut, but keeps the figures and attribution', async () => {
    const { body } = await get('admin', 'to=2023-12-31');
    expect(body.items).toEqual([
      expect.objectContaining({
        id: r.unlinked.id,
        job: null,
        grade: 10,
        team: expect.objectContaining({ id: w.teams.repairSouth.id }),
      }),
    ]);
  });
});

describe('GET /responses: filters and pages', () => {
  const list = async (query: string) => ids((await get('admin', `pageSize=200&${query}`)).body).sort();
  const sorted = (...xs: { id: number }[]) => xs.map((x) => x.id).sort();

  it('reads the period as business dates in Europe/Amsterdam', async () => {
    expect(await list('from=2024-06-30&to=2024-06-30')).toEqual(sorted(r.jan));
    expect(await list('from=2024-07-01&to=2024-07-02')).toEqual(sorted(r.contractor, r.klaas));
  });

  it('filters on attribution, grade and comment', async () => {
    expect(await list('journey=planned')).toEqual(sorted(r.fatima, r.other));
    expect(await list(`departmentId=${w.departments.planned.id}`)).toEqual(sorted(r.fatima, r.other));
    expect(await list(`contractorId=${w.contractors.main.id}`)).toEqual(sorted(r.contractor));
    expect(await list('trade=timmerman&minGrade=9')).toEqual(sorted(r.jan, r.unlinked));
    expect(await list('maxGrade=5')).toEqual(sorted(r.contractor));
    expect(await list('minGrade=6&maxGrade=7')).toEqual(sorted(r.klaas, r.fatima));
    // the tenant page trims comments; spaces written by another path still say nothing
    expect(await list('hasComment=true')).toEqual(sorted(r.jan, r.contractor));
    expect(await list('hasComment=false')).toEqual(sorted(r.klaas, r.fatima, r.other, r.unlinked));
  });

  it('pages with a total over all pages', async () => {
    const first = (await get('admin', 'pageSize=2')).body;
    const third = (await get('admin', 'pageSize=2&page=3')).body;
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 6 });
    expect(ids(first)).toEqual([r.other.id, r.fatima.id]);
    expect(ids(third)).toEqual([r.jan.id, r.unlinked.id]);
    expect((await get('admin', 'pageSize=2&page=4')).body).toMatchObject({ items: [], total: 6 });
  });

  it.each([
    ['minGrade=11', 'minGrade'],
    ['maxGrade=abc', 'maxGrade'],
    ['from=2024-13-01', 'from'],
    ['teamId=-1', 'teamId'],
    ['hasComment=yes', 'hasComment'],
    ['journey=garden', 'journey'],
    ['trade=a%00b', 'trade'],
  ])('refuses %s with 400 naming the field', async (query, field) => {
    const res = await get('admin', query);
    expect(res.status).toBe(400);
    expect(res.text).toContain(field);
    expect(res.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('is in the OpenAPI file', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/responses', '/api/v1/jobs/{id}/survey']),
    );
  });
});
