import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJob, buildUnit, buildWorld, type World } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

/** Searching, filtering, sorting and paging the job list (permissions: read-permissions.test.ts). */
let h: TestHarness;
let w: World;
let cookie: string;
let lateEvening: Awaited<ReturnType<typeof buildJob>>;
let nextMorning: Awaited<ReturnType<typeof buildJob>>;

beforeAll(async () => {
  h = await startHarness();
  w = await buildWorld(h.ctx.db);
  const home = await buildUnit(h.ctx.db, { street: 'Grote Markt', houseNumber: '12a', postcode: '8011 LW' });
  // 21:30Z is 23:30 in Amsterdam: still 30 June there
  lateEvening = await buildJob(h.ctx.db, {
    externalId: 'WO-2024-0630',
    teamId: w.teams.repairNorth.id,
    unitId: home.id,
    completedAt: new Date('2024-06-30T21:30:00Z'),
  });
  // 00:30 CEST on 1 July is 22:30Z on 30 June: a July job in Amsterdam
  nextMorning = await buildJob(h.ctx.db, {
    externalId: 'WO-2024-0701',
    teamId: w.teams.repairNorth.id,
    completedAt: new Date('2024-06-30T22:30:00Z'),
  });
  cookie = (await signedInAs(h, 'admin')).cookie;
}, 60_000);
afterAll(async () => h?.close());

const list = async (query: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/jobs?${query}`, headers: { cookie } });
  return { status: res.statusCode, body: res.json() };
};
const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

describe('GET /jobs', () => {
  it('searches by external id, postcode written any way, and street with house number', async () => {
    const r0 = await list('q=wo-2024-06');
    expect(ids(r0.body)).toEqual([lateEvening.id]);
    expect(ids((await list('q=8011lw')).body)).toEqual([lateEvening.id]);
    expect(ids((await list('q=8011 L')).body)).toEqual([lateEvening.id]);
    expect(ids((await list('q=markt 12')).body)).toEqual([lateEvening.id]);
    expect((await list('q=%25')).body.total).toBe(0); // a literal %, not a wildcard
    expect((await list('q=markt&page=3&pageSize=1')).body).toMatchObject({ items: [], total: 1 });
  });

  it('filters by status, journey, team, technician and contractor', async () => {
    expect(ids((await list('status=planned')).body)).toEqual([w.jobs.repairNorthByPiet.id]);
    expect(ids((await list('journey=planned')).body).sort()).toEqual(
      [w.jobs.plannedNorthByFatima.id, w.jobs.plannedSouthByOther.id].sort(),
    );
    expect(ids((await list(`teamId=${w.teams.repairSouth.id}`)).body)).toEqual([
      w.jobs.repairSouthByKlaas.id,
    ]);
    expect(ids((await list(`technicianId=${w.technicians.repairNorth.id}`)).body)).toEqual([
      w.jobs.repairNorthByJan.id,
    ]);
    expect(ids((await list(`contractorId=${w.contractors.other.id}`)).body)).toEqual([
      w.jobs.plannedSouthByOther.id,
    ]);
  });

  it('reads the completed period as business dates in Europe/Amsterdam', async () => {
    expect(ids((await list('completedFrom=2024-06-30&completedTo=2024-06-30')).body)).toEqual([
      lateEvening.id,
    ]);
    expect(ids((await list('completedFrom=2024-07-01&completedTo=2024-07-31')).body)).toEqual([
      nextMorning.id,
    ]);
  });

  it('sorts, with open jobs first by default, and pages with a total counted over all pages', async () => {
    const all = (await list('pageSize=200')).body;
    expect(all.total).toBe(8);
    expect(all.items[0].id).toBe(w.jobs.repairNorthByPiet.id); // planned, not completed yet
    expect(all.items[1].id).toBe(nextMorning.id);
    const oldestFirst = ids((await list('sort=completedAt&pageSize=200')).body);
    expect(oldestFirst.at(-1)).toBe(w.jobs.repairNorthByPiet.id);
    const page2 = await list('pageSize=3&page=2');
    expect(page2.body).toMatchObject({ page: 2, pageSize: 3, total: 8 });
    expect(ids(page2.body)).toEqual(ids(all).slice(3, 6));
    const byExternalId = (await list('sort=externalId&pageSize=200')).body.items.map(
      (i: { externalId: string }) => i.externalId,
    );
    expect(byExternalId).toEqual([...byExternalId].sort());
  });

  it('answers 400 naming the field for bad filters', async () => {
    for (const [query, field] of [
      ['status=done', 'querystring.status'],
      ['completedFrom=30-06-2024', 'querystring.completedFrom'],
      ['pageSize=500', 'querystring.pageSize'],
      ['sort=name', 'querystring.sort'],
      ['teamId=x', 'querystring.teamId'],
      ['completedTo=0000-01-01', 'querystring.completedTo'],
      ['q=a%00b', 'querystring.q'],
    ]) {
      const res = await list(query!);
      expect(res.status, query).toBe(400);
      expect(res.body.issues[0].field, query).toBe(field);
    }
  });
});
