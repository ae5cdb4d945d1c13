import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBreakdown, TJourneyFigures, TOverview, TTrend } from '../../contracts/metrics';
import { responseAnswers } from '../../db/schema';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { funnelPosition, proportionFunnelLimits } from '../../domain/metrics/funnel';
import { systemActor } from '../../policy/actor';
import { buildWorld, type World } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse, buildScheduledInvitation } from '../../test/survey-factories';
import { signInWorld, type WorldActor, worldActors } from '../../test/world-actors';

/**
 * The metric endpoints for every role, API keys with and without responses:read, and signed out:
 * whose figures each one gets (by n per row, per team, technician and contractor), which
 * comparisons, which latest reactions — inside the scope and asked for outside it.
 */
let h: TestHarness;
let w: World;
let as: Record<Who, Record<string, string>>;
type Who = WorldActor | 'apiResponses' | 'signedOut';

/** March 2025: the world's six jobs, each with responses (grade = NPS = phase grade), one comment each */
const grades = {
  jan: [9, 9, 8, 7, 10, 6],
  piet: [8, 8, 8, 8, 8],
  main: [5, 6, 7, 8, 9],
  klaas: [7, 7, 6, 5, 9, 8, 4],
  fatima: [6, 7, 8, 9, 10],
  other: [3, 8, 8, 9, 10],
};
type Work = keyof typeof grades;
const jobOf = (work: Work) =>
  ({
    jan: w.jobs.repairNorthByJan,
    piet: w.jobs.repairNorthByPiet,
    main: w.jobs.repairNorthByContractor,
    klaas: w.jobs.repairSouthByKlaas,
    fatima: w.jobs.plannedNorthByFatima,
    other: w.jobs.plannedSouthByOther,
  })[work];
/** what became of each job's invitation (sent in March) */
const fates: Record<Work, 'answered' | 'expired' | 'sent' | 'suppressed'> = {
  jan: 'answered',
  piet: 'expired',
  main: 'sent',
  klaas: 'suppressed',
  fatima: 'answered',
  other: 'answered',
};
const allWork = Object.keys(grades) as Work[];

/** Whose work each actor's figures hold (heads, like quality, directors and admins, all of it). */
const sees: Record<Exclude<Who, 'apiRead' | 'apiNone' | 'signedOut'>, Work[]> = {
  admin: allWork,
  director: allWork,
  quality: allWork,
  contact_centre: allWork,
  head: allWork,
  apiResponses: allWork,
  team_leader: ['jan', 'piet', 'main'],
  employee: ['jan'],
  contractor: ['main'],
};
const refused: Partial<Record<Who, number>> = { apiRead: 403, apiNone: 403, signedOut: 401 };
const who = [...worldActors, 'apiResponses', 'signedOut'] as const;
const march = { period: 'month', at: '2025-03-15' };

beforeAll(async () => {
  h = await startHarness();
  const db = h.ctx.db;
  w = await buildWorld(db);
  const key = await createApiKey({ db, actor: systemActor('test'), name: 'bi', scopes: ['responses:read'] });
  as = {
    ...(await signInWorld(h, w)),
    apiResponses: { authorization: `Bearer ${key.token}` },
    signedOut: {},
  };
  for (const work of allWork) {
    const job = jobOf(work);
    const fate = fates[work];
    const invitation = await buildScheduledInvitation(db, job, new Date('2025-03-10T09:00:00Z'), {
      status: fate,
      ...(fate === 'suppressed'
        ? { suppressionReason: 'opted_out' }
        : { sentAt: new Date('2025-03-10T09:00:00Z') }),
    });
    for (const [i, grade] of grades[work].entries()) {
      const response = await buildResponse(db, job, {
        grade,
        nps: grade,
        consent: true,
        comment: i === 0 ? `Opmerking over ${work}` : undefined,
        invitationId: i === 0 && fate === 'answered' ? invitation.id : undefined,
        submittedAt: new Date(Date.UTC(2025, 2, 1 + i * 4, 10)),
      });
      await db.insert(responseAnswers).values([
        {
          responseId: response.id,
          questionKey: 'phase_visit',
          questionType: 'phase_grade',
          phase: 'visit',
          technicianInfluenceable: true,
          numericValue: grade,
        },
        // Jan's tenants say whether it was fixed the first time: all but the last
        ...(work === 'jan'
          ? [
              {
                responseId: response.id,
                questionKey: 'first_time_fix',
                questionType: 'first_time_fix',
                numericValue: i < 5 ? 1 : 0,
              },
            ]
          : []),
      ]);
    }
  }
}, 120_000);
afterAll(async () => h?.close());

const get = (actor: Who, path: string, query: Record<string, string | number> = {}) =>
  h.app.inject({
    method: 'GET',
    url: `/api/v1/metrics/${path}?${new URLSearchParams({ ...march, ...query } as Record<string, string>)}`,
    headers: as[actor],
  });

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const gradesOf = (works: Work[]) => works.flatMap((work) => grades[work]);
/** the hand sums of what an actor sees, grouped by an attribution of the job */
function byHand(works: Work[], key: (work: Work) => number | null) {
  const groups = new Map<string | null, number[]>();
  for (const work of works) {
    const k = key(work) === null ? null : String(key(work));
    groups.set(k, [...(groups.get(k) ?? []), ...grades[work]]);
  }
  return Object.fromEntries(
    [...groups].map(([k, gs]) => [
      String(k),
      { n: gs.length, grade: mean(gs), eightPlus: gs.filter((g) => g >= 8).length / gs.length },
    ]),
  );
}
type Row = TBreakdown['rows'][number];
const rowsByKey = (rows: Row[]) =>
  Object.fromEntries(
    rows.map((r) => [
      String(r.key),
      { n: r.figures.grade.n, grade: r.figures.grade.value, eightPlus: r.figures.eightPlus.value },
    ]),
  );
const close = (
  actual: Record<string, { n: number; grade: number | null; eightPlus: number | null }>,
  expected: Record<string, { n: number; grade: number; eightPlus: number }>,
) => {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, e] of Object.entries(expected)) {
    expect(actual[k]!.n, k).toBe(e.n);
    expect(actual[k]!.grade, k).toBeCloseTo(e.grade, 10);
    expect(actual[k]!.eightPlus, k).toBeCloseTo(e.eightPlus, 10);
  }
};

/** Runs `check` for every actor with figures; the refused ones get their status. */
function perActor<Body>(
  path: string,
  query: Record<string, string | number>,
  check: (actor: keyof typeof sees, body: Body) => void,
) {
  it.each(who)(`GET ${path} ${new URLSearchParams(query as Record<string, string>)} as %s`, async (actor) => {
    const res = await get(actor, path, query);
    const status = refused[actor];
    if (status) {
      expect(res.statusCode, res.body).toBe(status);
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    check(actor as keyof typeof sees, res.json());
  });
}

describe('overview: the figures of the actor’s scope only', () => {
  perActor<TOverview>('overview', {}, (actor, body) => {
    const mine = gradesOf(sees[actor]);
    expect(body.responses).toBe(mine.length);
    expect(body.figures.grade.n).toBe(mine.length);
    expect(body.figures.grade.value).toBeCloseTo(mean(mine), 10);
    expect(body.figures.eightPlus.value).toBeCloseTo(mine.filter((g) => g >= 8).length / mine.length, 10);
    expect(body.phases).toEqual([
      expect.objectContaining({ phase: 'visit', figure: expect.objectContaining({ n: mine.length }) }),
    ]);
    // the invitations of the jobs in scope, by their fate
    const fated = (f: string) => sees[actor].filter((work) => fates[work] === f).length;
    expect(body.invitations).toMatchObject({
      due: sees[actor].length,
      delivered: sees[actor].length - fated('suppressed'),
      answered: fated('answered'),
      expired: fated('expired'),
      open: fated('sent'),
      suppressed: fated('suppressed') ? { opted_out: fated('suppressed') } : {},
    });
  });
});

describe('overview: asked for someone else’s work, an actor gets nothing', () => {
  it.each([
    ['employee', () => ({ technicianId: w.technicians.repairNorth2.id })],
    ['employee', () => ({ teamId: w.teams.repairSouth.id })],
    ['team_leader', () => ({ teamId: w.teams.repairSouth.id })],
    ['team_leader', () => ({ technicianId: w.technicians.repairSouth.id })],
    ['contractor', () => ({ contractorId: w.contractors.other.id })],
    ['contractor', () => ({ technicianId: w.technicians.repairNorth.id })],
  ] as const)('%s with %o', async (actor, filter) => {
    for (const path of ['overview', 'breakdown', 'trend', 'journey']) {
      const res = await get(actor, path, { ...filter(), by: 'technician' });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      if (path === 'overview') {
        expect(body.responses).toBe(0);
        expect(body.figures.grade).toMatchObject({ n: 0, value: null, hidden: true });
        expect(body.invitations.due).toBe(0);
        expect(body.latest).toEqual([]);
      }
      if (path === 'breakdown') expect(body.rows).toEqual([]);
      if (path === 'trend')
        expect(body.points.map((p: { responses: number }) => p.responses)).toEqual(body.points.map(() => 0));
      if (path === 'journey') expect(body.phases).toEqual([]);
    }
  });

  it('the latest reactions follow the filters the figures follow (a city, a complex)', async () => {
    const filters: Record<string, string | number>[] = [
      { city: 'Elders' },
      { complexId: w.complex.id, teamId: w.teams.repairSouth.id },
    ];
    for (const filter of filters) {
      const body = (await get('admin', 'overview', filter)).json();
      expect(body.responses).toBe(0);
      expect(body.latest).toEqual([]);
    }
  });

  it('a team leader narrowed to the own team, and a technician to the own work, get their figures', async () => {
    const leader = (await get('team_leader', 'overview', { teamId: w.teams.repairNorth.id })).json();
    expect(leader.responses).toBe(gradesOf(sees.team_leader).length);
    const jan = (await get('employee', 'overview', { technicianId: w.technicians.repairNorth.id })).json();
    expect(jan.responses).toBe(grades.jan.length);
  });
});

describe('overview: comparisons are aggregates, never a colleague’s row', () => {
  const expected: Record<keyof typeof sees, Array<[string, Work[]]>> = {
    employee: [
      ['team', ['jan', 'piet', 'main']],
      ['department', ['jan', 'piet', 'main', 'klaas']],
      ['organisation', allWork],
    ],
    team_leader: [
      ['department', ['jan', 'piet', 'main', 'klaas']],
      ['organisation', allWork],
    ],
    head: [
      ['department', ['jan', 'piet', 'main', 'klaas']],
      ['organisation', allWork],
    ],
    admin: [['organisation', allWork]],
    director: [['organisation', allWork]],
    quality: [['organisation', allWork]],
    contact_centre: [['organisation', allWork]],
    contractor: [],
    apiResponses: [],
  };
  perActor<TOverview>('overview', {}, (actor, body) => {
    expect(
      body.comparisons.map((c: { level: string; figures: { grade: { n: number } } }) => [
        c.level,
        c.figures.grade.n,
      ]),
    ).toEqual(expected[actor].map(([level, works]) => [level, gradesOf(works).length]));
    const ids = body.comparisons.map((c: { level: string; id: number | null }) => [c.level, c.id]);
    if (actor === 'employee') expect(ids[0]).toEqual(['team', w.teams.repairNorth.id]);
  });
});

describe('overview: the latest reactions in scope, tenant names never to a contractor or a key', () => {
  perActor<TOverview>('overview', {}, (actor, body) => {
    // heads see every figure, but read the reactions of their department (responseScope)
    const readable =
      actor === 'head' ? sees.head.filter((work) => jobOf(work).journey === 'repair') : sees[actor];
    const commented = readable.map((work) => `Opmerking over ${work}`);
    const latest = body.latest as Array<{
      answers: { textValue: string | null }[];
      tenant?: { name: string };
    }>;
    const comments = latest.map((r) => r.answers.find((a) => a.textValue)?.textValue);
    expect(latest.length).toBe(Math.min(5, commented.length));
    for (const c of comments) expect(commented).toContain(c);
    const named = latest.filter((r) => r.tenant).length;
    expect(named).toBe(actor === 'contractor' || actor === 'apiResponses' ? 0 : latest.length);
  });
});

describe('breakdown by technician, team and contractor: only rows of the actor’s scope, with their own n', () => {
  perActor<TBreakdown>('breakdown', { by: 'technician' }, (actor, body) => {
    close(
      rowsByKey(body.rows),
      byHand(sees[actor], (work) => jobOf(work).technicianId),
    );
    // the funnel's reference is the whole scope, not one of its rows
    expect(body.reference.grade.n).toBe(gradesOf(sees[actor]).length);
    if (actor === 'employee')
      expect(body.rows.map((r: Row) => r.key)).toEqual([String(w.technicians.repairNorth.id)]);
  });
  perActor<TBreakdown>('breakdown', { by: 'team' }, (actor, body) => {
    close(
      rowsByKey(body.rows),
      byHand(sees[actor], (work) => jobOf(work).teamId),
    );
  });
  perActor<TBreakdown>('breakdown', { by: 'contractor' }, (actor, body) => {
    close(
      rowsByKey(body.rows),
      byHand(sees[actor], (work) => jobOf(work).contractorId),
    );
  });
  perActor<TBreakdown>('breakdown', { by: 'city' }, (actor, body) => {
    expect(body.rows.map((r) => [r.key, r.figures.grade.n])).toEqual([
      ['Zwolle', gradesOf(sees[actor]).length],
    ]);
  });
  it('a technician’s own row is placed in the funnel around the team’s 8+ share, not around itself', async () => {
    const body = (await get('employee', 'breakdown', { by: 'technician' })).json() as TBreakdown;
    const team = (await get('employee', 'overview'))
      .json()
      .comparisons.find((c: { level: string }) => c.level === 'team');
    const row = body.rows[0]!;
    const expected =
      team.figures.eightPlus.value === null || row.figures.eightPlus.value === null
        ? []
        : funnelPosition(
            row.figures.eightPlus.value,
            proportionFunnelLimits({ target: team.figures.eightPlus.value, n: row.figures.eightPlus.n }),
          );
    expect(expected).toHaveLength(2);
    expect(row.funnel).toEqual(expected);
    expect(team.figures.eightPlus.value).not.toBe(row.figures.eightPlus.value);
  });
  it('a team leader’s rows name the own team’s technicians, not another team’s', async () => {
    const body = (await get('team_leader', 'breakdown', { by: 'technician' })).json();
    expect(body.rows.map((r: { label: string }) => r.label).sort()).toEqual([
      '',
      'Jan Vakman',
      'Piet Vakman',
    ]);
  });
});

describe('trend and journey: the same scope', () => {
  perActor<TTrend>('trend', { grain: 'week' }, (actor, body) => {
    const n = body.points.reduce((s, p) => s + p.figures.grade.n, 0);
    expect(n).toBe(gradesOf(sees[actor]).length);
    expect(body.points[0]?.periodStart).toBe('2025-02-24');
  });
  perActor<TJourneyFigures>('journey', {}, (actor, body) => {
    const mine = gradesOf(sees[actor]);
    expect(body.phases).toEqual([
      expect.objectContaining({ phase: 'visit', figure: expect.objectContaining({ n: mine.length }) }),
    ]);
    expect(body.phases[0]?.figure.value).toBeCloseTo(mean(mine), 10);
    // tenant-reported first-time fix: only Jan's tenants were asked, five of six said yes
    const reported = sees[actor].includes('jan') ? { n: 6, value: 5 / 6 } : { n: 0, value: null };
    expect(body.firstTimeFix.reported).toMatchObject({ ...reported, hidden: reported.n === 0 });
    if (reported.value) expect(body.firstTimeFix.reported.value).toBeCloseTo(5 / 6, 12);
    expect(body.statements.map((s) => s.questionKey)).toEqual(['phase_visit']);
  });
});

describe('bad input answers 400 naming the field', () => {
  it.each([
    ['a custom period without from', { period: 'custom', to: '2025-03-31' }, 'querystring.from'],
    ['a custom period without to', { period: 'custom', from: '2025-03-01' }, 'querystring.to'],
    ['from after to', { period: 'custom', from: '2025-03-10', to: '2025-03-01' }, 'querystring.to'],
    ['an unknown period', { period: 'fortnight' }, 'querystring.period'],
    ['a date that is none', { at: '2025-02-30' }, 'querystring.at'],
    ['a grade band out of range', { minGrade: 11 }, 'querystring.minGrade'],
  ])('%s', async (_, query, field) => {
    for (const path of ['overview', 'trend', 'breakdown', 'journey']) {
      const res = await get('admin', path, query);
      expect(res.statusCode, `${path} ${res.body}`).toBe(400);
      expect(res.json().issues.map((i: { field: string }) => i.field)).toContain(field);
    }
  });

  it('an unknown breakdown or trend grain', async () => {
    const by = await get('admin', 'breakdown', { by: 'colour' });
    expect(by.statusCode).toBe(400);
    expect(by.json().issues.map((i: { field: string }) => i.field)).toEqual(['querystring.by']);
    const grain = await get('admin', 'trend', { grain: 'day' });
    expect(grain.statusCode).toBe(400);
    expect(grain.json().issues.map((i: { field: string }) => i.field)).toEqual(['querystring.grain']);
  });

  it('a custom period from to to, both included, is fine', async () => {
    const res = await get('admin', 'overview', { period: 'custom', from: '2025-03-01', to: '2025-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    // on 1 March each of the six jobs got its first response
    expect(res.json().responses).toBe(allWork.length);
  });
});
