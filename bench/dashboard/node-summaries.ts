import { TZDate } from '@date-fns/tz';
import type { Database } from '../../src/db/client';
import { emptySums } from '../../src/domain/metrics/figures';
import type { Period } from '../../src/domain/metrics/periods';
import type { AnswerSums, ResponseSums } from '../../src/domain/metrics/sums';
import { periodStarts } from '../../src/domain/metrics/trend';
import {
  breakdownRowsOf,
  currentFiguresOf,
  driverKeys,
  driversOf,
  fatesOf,
  figuresOf,
  firstTimeFixOf,
  type Periodic,
  phasesOf,
  statementsOf,
  trendOf,
} from './figures-of';
import { driverMoments, nodeFirstTimeFix } from './node-journey';
import type { ScreenSpec } from './plan';
import { reactionRows, withComment } from './reaction-rows';
import { covering, ids, lastYearIsPrevious, on, scope, screenRows, targetsSql } from './sql-parts';

/**
 * The other reference: what open-source survey tools do — the database filters (journey, scope,
 * period), the rows come to Node, and Node sums them (a generous version: only the columns the
 * figures need, numeric answers only). Same formulas for the figures. The reactions list has
 * nothing to summarise (a page and its count are the same statements either way): not measured.
 */
const DAY_MS = 86_400_000;
const startOf = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new TZDate(y!, m! - 1, d!, 'Europe/Amsterdam').getTime();
};
const endOf = (date: string) =>
  startOf(new Date(Date.parse(`${date}T12:00:00Z`) + DAY_MS).toISOString().slice(0, 10));
const within = (p: Period) => {
  const [from, to] = [startOf(p.from), endOf(p.to)];
  return (at: number) => at >= from && at < to;
};

function add(s: ResponseSums, grade: number | null, nps: number | null) {
  s.responses++;
  if (grade !== null) {
    s.gradeN++;
    s.gradeSum += grade;
    s.gradeSumSq += grade * grade;
    if (grade >= 8) s.grade8Plus++;
    if (grade >= 6) s.grade6Plus++;
    if (grade <= 5) s.grade5OrLess++;
  }
  if (nps !== null) {
    s.npsN++;
    if (nps >= 9) s.npsPromoters++;
    if (nps <= 6) s.npsDetractors++;
  }
}
const fresh = (): Periodic => ({
  current: { ...emptySums },
  previous: { ...emptySums },
  lastYear: { ...emptySums },
});

type Row = { submitted_at: Date; grade: number | null; nps: number | null };
/** Adds the row to each period it lies in (last year's only when it is not the previous period). */
function periodicAdder(spec: ScreenSpec) {
  const inCurrent = within(spec.periods.current);
  const inPrevious = within(spec.periods.previous);
  const inLastYear = lastYearIsPrevious(spec.periods) ? null : within(spec.periods.lastYear);
  return (p: Periodic, r: Row) => {
    const at = r.submitted_at.getTime();
    if (inCurrent(at)) add(p.current, r.grade, r.nps);
    if (inPrevious(at)) add(p.previous, r.grade, r.nps);
    if (inLastYear?.(at)) add(p.lastYear, r.grade, r.nps);
  };
}
const settled = (spec: ScreenSpec, p: Periodic) =>
  lastYearIsPrevious(spec.periods) ? { ...p, lastYear: p.previous } : p;

export function nodeSummaries(database: Database) {
  const q = (text: string) => database.executeSql(text).then((r) => r.rows);

  async function numericAnswers(spec: ScreenSpec) {
    return q(
      `SELECT a.response_id, a.question_key, a.question_type, a.phase, a.technician_influenceable, a.numeric_value
       FROM responses r JOIN response_answers a ON a.response_id = r.id
       WHERE ${screenRows(spec, 'r.')} AND a.numeric_value IS NOT NULL`,
    );
  }
  function answerSums(rows: Awaited<ReturnType<typeof numericAnswers>>): AnswerSums[] {
    const byQuestion = new Map<string, AnswerSums>();
    for (const r of rows) {
      const key = `${r.question_key}|${r.question_type}|${r.phase}|${r.technician_influenceable}`;
      const s = byQuestion.get(key) ?? {
        questionKey: r.question_key,
        questionType: r.question_type,
        phase: r.phase,
        technicianInfluenceable: r.technician_influenceable,
        n: 0,
        sum: 0,
        sumSq: 0,
      };
      s.n++;
      s.sum += r.numeric_value;
      s.sumSq += r.numeric_value * r.numeric_value;
      byQuestion.set(key, s);
    }
    return [...byQuestion.values()];
  }

  async function overview(spec: ScreenSpec) {
    const others =
      spec.departmentId === null ? '' : ` OR (journey = '${spec.journey}' AND ${on(spec.periods.current)})`;
    const [rows, answers, invitations, latest, targets] = await Promise.all([
      q(
        `SELECT submitted_at, team_id, department_id, grade, nps FROM responses
         WHERE (${screenRows(spec, '', covering(spec.periods))})${others}`,
      ),
      numericAnswers(spec),
      q(
        `SELECT i.status, i.suppression_reason, i.undeliverable_at FROM invitations i
           ${spec.teamIds ? 'JOIN jobs j ON j.id = i.job_id' : ''}
         WHERE ${on(spec.periods.current, 'i.send_after')} AND i.journey = '${spec.journey}' AND ${scope(spec, 'j.')}`,
      ),
      reactionRows(database, `${screenRows(spec, 'r.')} AND ${withComment}`, 5),
      targetsSql(database, spec),
    ]);
    const own = fresh();
    const department = { ...emptySums };
    const organisation = { ...emptySums };
    const addPeriodic = periodicAdder(spec);
    const inCurrent = within(spec.periods.current);
    const teams = spec.teamIds ? new Set(spec.teamIds) : null;
    for (const r of rows) {
      if (!teams || teams.has(r.team_id)) addPeriodic(own, r);
      if (spec.departmentId !== null && inCurrent(r.submitted_at.getTime())) {
        add(organisation, r.grade, r.nps);
        if (r.department_id === spec.departmentId) add(department, r.grade, r.nps);
      }
    }
    const sums = settled(spec, own);
    const compared =
      spec.departmentId === null
        ? [{ level: 'organisation', sums: sums.current }]
        : [
            { level: 'department', sums: department },
            { level: 'organisation', sums: organisation },
          ];
    const fates = new Map<
      string,
      { status: string; reason: string | null; undeliverable: boolean; n: number }
    >();
    for (const i of invitations) {
      const key = `${i.status}|${i.suppression_reason}|${i.undeliverable_at !== null}`;
      const f = fates.get(key) ?? {
        status: i.status,
        reason: i.suppression_reason,
        undeliverable: i.undeliverable_at !== null,
        n: 0,
      };
      f.n++;
      fates.set(key, f);
    }
    return {
      responses: sums.current.responses,
      figures: figuresOf(spec, sums),
      invitations: fatesOf([...fates.values()]),
      phases: phasesOf(spec, answerSums(answers)),
      comparisons: compared.map((c) => ({
        level: c.level,
        figures: currentFiguresOf(spec, c.sums),
      })),
      latest,
      targets,
    };
  }

  async function trend(spec: ScreenSpec) {
    const grain = spec.grain ?? 'month';
    const [rows, targets] = await Promise.all([
      q(`SELECT submitted_at, grade, nps FROM responses WHERE ${screenRows(spec)}`),
      targetsSql(database, spec),
    ]);
    const starts = periodStarts(spec.periods.current.from, spec.periods.current.to, grain);
    const instants = starts.map(startOf);
    const byStart = new Map(starts.map((s) => [s, { ...emptySums }]));
    for (const r of rows) {
      const at = r.submitted_at.getTime();
      let low = 0;
      let high = instants.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (instants[mid]! <= at) low = mid;
        else high = mid - 1;
      }
      add(byStart.get(starts[low]!)!, r.grade, r.nps);
    }
    return { points: trendOf(spec, byStart, emptySums), targets };
  }

  async function breakdown(spec: ScreenSpec) {
    const [rows, targets] = await Promise.all([
      q(
        `SELECT technician_id, submitted_at, grade, nps FROM responses WHERE ${screenRows(spec, '', covering(spec.periods))}`,
      ),
      targetsSql(database, spec),
    ]);
    const addPeriodic = periodicAdder(spec);
    const groups = new Map<number | null, Periodic>();
    const total = fresh();
    for (const r of rows) {
      const group = groups.get(r.technician_id) ?? fresh();
      addPeriodic(group, r);
      addPeriodic(total, r);
      groups.set(r.technician_id, group);
    }
    const keys = [...groups.keys()].filter((k): k is number => k !== null);
    const names = new Map(
      (keys.length ? await q(`SELECT id, name FROM employees WHERE id = ANY(${ids(keys)})`) : []).map((e) => [
        e.id,
        e.name,
      ]),
    );
    const list = [...groups.entries()].map(([key, p]) => ({
      key: key === null ? null : String(key),
      label: key === null ? '' : (names.get(key) ?? String(key)),
      ...settled(spec, p),
    }));
    const all = settled(spec, total);
    return { reference: figuresOf(spec, all), rows: breakdownRowsOf(spec, list, all), targets };
  }

  async function journey(spec: ScreenSpec) {
    const [answerRows, grades, versions, fix] = await Promise.all([
      numericAnswers(spec),
      q(`SELECT id, grade FROM responses WHERE ${screenRows(spec)} AND grade IS NOT NULL`),
      q(
        `SELECT qv.definition FROM questionnaire_versions qv JOIN questionnaires qn ON qn.id = qv.questionnaire_id
         WHERE qn.journey = '${spec.journey}' ORDER BY qv.id DESC`,
      ),
      nodeFirstTimeFix(database, spec),
    ]);
    const texts = new Map<string, unknown>();
    for (const v of versions)
      for (const question of v.definition.questions)
        if (!texts.has(question.key)) texts.set(question.key, question.text);
    const answers = answerSums(answerRows);
    const { statements, reported } = statementsOf(spec, answers);
    const keys = driverKeys(statements);
    return {
      phases: phasesOf(spec, answers),
      statements: statements.map((s) => ({ ...s, text: texts.get(s.questionKey) ?? null })),
      drivers: driversOf(spec, keys, keys.length ? driverMoments(keys, grades, answerRows) : null),
      firstTimeFix: { reported, ...firstTimeFixOf(spec, fix) },
    };
  }

  return {
    overview,
    'trend-month': (spec: ScreenSpec) => trend({ ...spec, grain: 'month' }),
    'trend-week': (spec: ScreenSpec) => trend({ ...spec, grain: 'week' }),
    'breakdown-technician': breakdown,
    journey,
  };
}
