import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type jobs, responseAnswers } from '../../db/schema';

type Job = typeof jobs.$inferSelect;

import { type Actor, systemActor } from '../../policy/actor';
import { buildEmployee, buildJob, buildTeam } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';
import { businessDate } from '../business-time/business-time';
import { rowsOf } from '../ingest/upsert-sql';
import { unlinkResponses } from '../responses/unlink-responses';
import { phaseFigures } from './phases';
import { rollUpBacklog } from './roll-up-backlog';
import { rollUpResponses } from './roll-up-responses';
import { rollupsProcessor } from './rollups.processor';
import { answerSums, type Dimension, responseSums } from './sums';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

/** What the test wrote, to sum by hand. */
interface Written {
  id: number;
  day: string;
  week: string;
  month: string;
  teamId: number | null;
  technicianId: number | null;
  grade: number;
  nps: number;
  phaseVisit: number | null;
}
const written: Written[] = [];

const mondayOf = (date: string) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

let seed = 7;
const draw = (max: number) => {
  seed = (seed * 48271) % 2147483647;
  return seed % max;
};

async function respond(job: Job, at: Date) {
  const grade = 1 + draw(10);
  const nps = draw(11);
  const row = await buildResponse(h.ctx.db, job, { grade, nps, submittedAt: at });
  const phaseVisit = draw(3) === 0 ? null : 1 + draw(10);
  if (phaseVisit !== null)
    await h.ctx.db.insert(responseAnswers).values({
      responseId: row.id,
      questionKey: 'phase_visit',
      questionType: 'phase_grade',
      numericValue: phaseVisit,
      phase: 'visit',
      technicianInfluenceable: true,
    });
  const day = businessDate(at);
  written.push({
    id: row.id,
    day,
    week: mondayOf(day),
    month: `${day.slice(0, 7)}-01`,
    teamId: job.teamId,
    technicianId: job.technicianId,
    grade,
    nps,
    phaseVisit,
  });
}

function byHand(from: string, to: string, by: Dimension, teamIds?: number[]) {
  const groups = new Map<string | null, Written[]>();
  const seen = written.filter((w) => !teamIds || (w.teamId !== null && teamIds.includes(w.teamId)));
  for (const w of seen.filter((w) => w.day >= from && w.day <= to)) {
    const key =
      by === 'team'
        ? String(w.teamId)
        : by === 'technician'
          ? String(w.technicianId)
          : by === 'week'
            ? w.week
            : by === 'month'
              ? w.month
              : null;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b)))
    .map(([key, ws]) => ({
      key,
      responses: ws.length,
      gradeSum: ws.reduce((s, w) => s + w.grade, 0),
      gradeSumSq: ws.reduce((s, w) => s + w.grade * w.grade, 0),
      grade8Plus: ws.filter((w) => w.grade >= 8).length,
      grade5OrLess: ws.filter((w) => w.grade <= 5).length,
      npsPromoters: ws.filter((w) => w.nps >= 9).length,
      npsDetractors: ws.filter((w) => w.nps <= 6).length,
      visitN: ws.filter((w) => w.phaseVisit !== null).length,
      visitSum: ws.reduce((s, w) => s + (w.phaseVisit ?? 0), 0),
    }));
}

const periods = [
  { from: '2026-01-01', to: '2026-03-31' }, // whole months
  { from: '2026-01-05', to: '2026-02-22' }, // whole weeks
  { from: '2026-01-03', to: '2026-03-17' }, // neither: edges from the table
  { from: '2026-02-10', to: '2026-02-12' }, // shorter than a week
];
const dims: Dimension[] = ['total', 'team', 'technician', 'week', 'month'];

/** A team leader of the first team: every sum keeps to that team, rolled up or not. */
const leaderOf = (teamId: number): Actor => ({
  kind: 'user',
  userId: 'leader',
  name: 'Leider',
  email: 'leider@test.invalid',
  role: 'team_leader',
  employeeId: null,
  ledTeamIds: [teamId],
  departmentId: null,
  contractorId: null,
  contractorContactId: null,
});

async function expectSumsAgree() {
  await expectSumsAgreeFor(systemActor('test'));
  const team = written[0]!.teamId!;
  await expectSumsAgreeFor(leaderOf(team), [team]);
}

async function expectSumsAgreeFor(actor: Actor, teamIds?: number[]) {
  for (const period of periods)
    for (const by of dims) {
      const expected = byHand(period.from, period.to, by, teamIds);
      const got = await responseSums({ db: h.ctx.db, actor, period, by });
      expect(
        got.map((g) => ({
          key: g.key,
          responses: g.responses,
          gradeSum: g.gradeSum,
          gradeSumSq: g.gradeSumSq,
          grade8Plus: g.grade8Plus,
          grade5OrLess: g.grade5OrLess,
          npsPromoters: g.npsPromoters,
          npsDetractors: g.npsDetractors,
        })),
        `${by} ${period.from}..${period.to}`,
      ).toEqual(expected.map(({ visitN, visitSum, ...sums }) => sums));
      const visits = (await answerSums({ db: h.ctx.db, actor, period, by })).filter(
        (a) => a.questionKey === 'phase_visit',
      );
      expect(
        visits.map((v) => ({ key: v.key, n: v.n, sum: v.sum })),
        `visit ${by} ${period.from}..${period.to}`,
      ).toEqual(
        expected.filter((e) => e.visitN > 0).map((e) => ({ key: e.key, n: e.visitN, sum: e.visitSum })),
      );
    }
}

const rolledUpCount = async () =>
  Number(
    (await rowsOf<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM responses WHERE rolled_up`))[0]
      ?.n,
  );

describe('dashboard rollups agree exactly with the responses table', () => {
  const jobs: Job[] = [];
  beforeAll(async () => {
    const db = h.ctx.db;
    for (const name of ['Noord', 'Zuid']) {
      const team = await buildTeam(db, { name });
      for (let i = 0; i < 2; i++) {
        const technician = await buildEmployee(db, { teamId: team.id });
        jobs.push(await buildJob(db, { teamId: team.id, technicianId: technician.id }));
      }
    }
    // 120 responses from late December to early April, some at 23:30 Amsterdam time (the next day in UTC terms is not theirs)
    for (let i = 0; i < 120; i++) {
      const at = new Date(
        Date.UTC(2025, 11, 28) + i * 0.85 * 86_400_000 + (i % 5 === 0 ? 22.5 * 3600_000 : 10 * 3600_000),
      );
      await respond(jobs[i % jobs.length]!, at);
    }
  });

  it('before anything is rolled up (all from the table)', async () => {
    expect(await rolledUpCount()).toBe(0);
    await expectSumsAgree();
  });

  it('after the backlog is rolled up, and when the processor handles an event again', async () => {
    expect(await rollUpBacklog(h.ctx.db, { batch: 25 })).toBe(120);
    expect(await rolledUpCount()).toBe(120);
    await expectSumsAgree();
    const first = written[0]!;
    await h.ctx.db.transaction((tx) =>
      rollupsProcessor.handle(h.ctx, { subjectId: String(first.id) } as never, tx),
    );
    expect(await rollUpBacklog(h.ctx.db)).toBe(0);
    await expectSumsAgree();
  });

  it('with new and late responses not yet rolled up, then rolled up one by one', async () => {
    const fresh: number[] = [];
    for (const at of ['2026-01-14T09:00:00Z', '2026-03-31T21:59:00Z', '2026-02-11T12:00:00Z']) {
      await respond(jobs[1]!, new Date(at));
      fresh.push(written.at(-1)!.id);
    }
    await expectSumsAgree();
    for (const id of fresh) await h.ctx.db.transaction((tx) => rollUpResponses(tx, { ids: [id] }));
    expect(await rolledUpCount()).toBe(123);
    await expectSumsAgree();
  });

  it('after retention unlinks responses from their jobs and tenants', async () => {
    const ids = written.slice(0, 40).map((w) => w.id);
    expect(await unlinkResponses(h.ctx.db, ids)).toBe(40);
    await expectSumsAgree();
  });

  it("after a questionnaire's new version asks the visit under another key: per key exact, per phase both", async () => {
    const at = new Date('2026-02-17T10:00:00Z');
    let n = 0;
    let sum = 0;
    for (let i = 0; i < 6; i++) {
      const row = await buildResponse(h.ctx.db, jobs[2]!, { grade: 8, nps: 9, submittedAt: at });
      const value = 3 + i;
      await h.ctx.db.insert(responseAnswers).values({
        responseId: row.id,
        questionKey: 'visit_v2',
        questionType: 'phase_grade',
        numericValue: value,
        phase: 'visit',
        technicianInfluenceable: true,
      });
      written.push({
        id: row.id,
        day: '2026-02-17',
        week: '2026-02-16',
        month: '2026-02-01',
        teamId: jobs[2]!.teamId,
        technicianId: jobs[2]!.technicianId,
        grade: 8,
        nps: 9,
        phaseVisit: null,
      });
      n++;
      sum += value;
      if (i === 2) await rollUpBacklog(h.ctx.db);
    }
    const period = { from: '2026-02-01', to: '2026-02-28' };
    const answers = await answerSums({ db: h.ctx.db, actor: systemActor('test'), period });
    const v2 = answers.find((a) => a.questionKey === 'visit_v2');
    expect({ n: v2?.n, sum: v2?.sum }).toEqual({ n, sum });
    const old = byHand(period.from, period.to, 'total')[0]!;
    const visit = phaseFigures(answers, 1).find((p) => p.phase === 'visit');
    expect(visit?.figure.n).toBe(old.visitN + n);
    await expectSumsAgree();
  });

  it('the rollup table itself equals a grouping of the responses, once all are rolled up', async () => {
    await rollUpBacklog(h.ctx.db);
    const [diff] = await rowsOf<{ n: number }>(
      h.ctx.db,
      sql`SELECT count(*)::int AS n FROM (
            (SELECT grain, period_start, team_id, technician_id, responses, grade_sum, nps_promoters FROM response_rollups
             EXCEPT
             SELECT g.grain, CASE g.grain WHEN 'week' THEN date_trunc('week', submitted_at AT TIME ZONE 'Europe/Amsterdam')::date
                    ELSE date_trunc('month', submitted_at AT TIME ZONE 'Europe/Amsterdam')::date END,
                    team_id, technician_id, count(*)::int, sum(grade)::int, (count(*) FILTER (WHERE nps >= 9))::int
             FROM responses CROSS JOIN (VALUES ('week'), ('month')) AS g(grain) GROUP BY 1, 2, 3, 4)
          ) AS d`,
    );
    expect(diff?.n).toBe(0);
  });
});
