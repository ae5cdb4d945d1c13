import type { Database } from '../../src/db/client';
import { emptySums } from '../../src/domain/metrics/figures';
import { REPEAT_JOB_DAYS } from '../../src/domain/metrics/first-time-fix';
import type { TQuestionnaireDefinition } from '../../src/domain/questionnaires/questionnaire-definition';
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
import type { ScreenSpec } from './plan';
import { reactionRows, withComment } from './reaction-rows';
import {
  addSums,
  answerSumsSql,
  covering,
  lastYearIsPrevious,
  on,
  scope,
  screenRows,
  sumColumns,
  sumsOf,
  targetsSql,
} from './sql-parts';

/**
 * The reference the ratio goals compare with: the same figures for the same scope and periods,
 * computed with the best SQL we could write by hand over the raw tables (responses,
 * response_answers, invitations, jobs — no rollups), statements that do not depend on each other
 * run together (PostgreSQL: the same pool of 10 as the app's), no authentication, no logging.
 */
export function rawSqlScreens(database: Database) {
  const q = (text: string) => database.executeSql(text).then((r) => r.rows);

  /** current, previous and last year's sums of each group, in one pass over the periods' rows */
  async function periodic(spec: ScreenSpec, key?: string, label?: string) {
    const { current, previous, lastYear } = spec.periods;
    const once = lastYearIsPrevious(spec.periods);
    const columns = [
      sumColumns('c', on(current)),
      sumColumns('p', on(previous)),
      once ? '' : sumColumns('l', on(lastYear)),
    ].filter(Boolean);
    const grouped = `SELECT ${key ? `${key} AS key, ` : ''}${columns.join(', ')} FROM responses
      WHERE ${screenRows(spec, '', covering(spec.periods))} ${key ? 'GROUP BY 1' : ''}`;
    const rows = await q(label ? `SELECT g.*, ${label} AS label FROM (${grouped}) g` : grouped);
    return rows.map((r) => ({
      key: r.key === null || r.key === undefined ? null : String(r.key),
      label: (r.label as string | null) ?? '',
      current: sumsOf(r, 'c'),
      previous: sumsOf(r, 'p'),
      lastYear: sumsOf(r, once ? 'p' : 'l'),
    }));
  }

  async function invitationFates(spec: ScreenSpec) {
    // a director's scope is everything: the invitations alone, without their jobs
    const rows = await q(
      `SELECT i.status, i.suppression_reason AS reason, (i.undeliverable_at IS NOT NULL) AS undeliverable,
         count(*) AS n
       FROM invitations i ${spec.teamIds ? 'JOIN jobs j ON j.id = i.job_id' : ''}
       WHERE ${on(spec.periods.current, 'i.send_after')} AND i.journey = '${spec.journey}'
         AND ${scope(spec, 'j.')}
       GROUP BY 1, 2, 3`,
    );
    return fatesOf(rows.map((r) => ({ ...r, n: Number(r.n) })));
  }

  /** the department's and the organisation's current sums in one pass (a director's are its own) */
  async function comparisons(spec: ScreenSpec, own: Periodic) {
    if (spec.departmentId === null) return [{ level: 'organisation', sums: own.current }];
    const [row] = await q(
      `SELECT ${sumColumns('d', `department_id = ${Number(spec.departmentId)}`)}, ${sumColumns('o')}
       FROM responses WHERE journey = '${spec.journey}' AND ${on(spec.periods.current)}`,
    );
    return [
      { level: 'department', sums: sumsOf(row, 'd') },
      { level: 'organisation', sums: sumsOf(row, 'o') },
    ];
  }

  async function overview(spec: ScreenSpec) {
    const [[own], answers, invitations, latest, targets] = await Promise.all([
      periodic(spec),
      answerSumsSql(database, spec),
      invitationFates(spec),
      reactionRows(database, `${screenRows(spec, 'r.')} AND ${withComment}`, 5),
      targetsSql(database, spec),
    ]);
    const sums = own ?? { current: emptySums, previous: emptySums, lastYear: emptySums };
    const compared = await comparisons(spec, sums);
    return {
      responses: sums.current.responses,
      figures: figuresOf(spec, sums),
      invitations,
      phases: phasesOf(spec, answers),
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
      q(
        `SELECT (date_trunc('${grain}', submitted_at AT TIME ZONE 'Europe/Amsterdam'))::date::text AS key,
           ${sumColumns('c')}
         FROM responses WHERE ${screenRows(spec)} GROUP BY 1`,
      ),
      targetsSql(database, spec),
    ]);
    const byStart = new Map(rows.map((r) => [String(r.key), sumsOf(r, 'c')]));
    return { points: trendOf(spec, byStart, emptySums), targets };
  }

  async function breakdown(spec: ScreenSpec) {
    const [groups, targets] = await Promise.all([
      periodic(spec, 'technician_id', '(SELECT e.name FROM employees e WHERE e.id = g.key)'),
      targetsSql(database, spec),
    ]);
    const total = groups.reduce(
      (t, g) => ({
        current: addSums(t.current, g.current),
        previous: addSums(t.previous, g.previous),
        lastYear: addSums(t.lastYear, g.lastYear),
      }),
      { current: emptySums, previous: emptySums, lastYear: emptySums },
    );
    return { reference: figuresOf(spec, total), rows: breakdownRowsOf(spec, groups, total), targets };
  }

  async function journey(spec: ScreenSpec) {
    const [answers, versions, [fix]] = await Promise.all([
      answerSumsSql(database, spec),
      q(
        `SELECT qv.definition FROM questionnaire_versions qv JOIN questionnaires qn ON qn.id = qv.questionnaire_id
         WHERE qn.journey = '${spec.journey}' ORDER BY qv.id DESC`,
      ),
      q(
        `SELECT count(*) AS judged, count(*) FILTER (WHERE fixed) AS fixed,
           count(grade) FILTER (WHERE fixed) AS fixed_n, coalesce(sum(grade) FILTER (WHERE fixed), 0) AS fixed_sum,
           coalesce(sum(grade * grade) FILTER (WHERE fixed), 0) AS fixed_sq,
           count(grade) FILTER (WHERE NOT fixed) AS other_n, coalesce(sum(grade) FILTER (WHERE NOT fixed), 0) AS other_sum,
           coalesce(sum(grade * grade) FILTER (WHERE NOT fixed), 0) AS other_sq
         FROM (SELECT grade, NOT EXISTS (
             SELECT 1 FROM jobs again WHERE again.unit_id = d.unit_id AND again.trade = d.trade AND again.id <> d.id
               AND coalesce(again.reported_at, again.created_at) > d.completed_at
               AND coalesce(again.reported_at, again.created_at) <= d.completed_at + interval '${REPEAT_JOB_DAYS} days'
           ) AS fixed
           FROM (SELECT r.grade, j.id, j.unit_id, j.trade, j.completed_at FROM responses r JOIN jobs j ON j.id = r.job_id
             WHERE ${screenRows(spec, 'r.')} AND j.unit_id IS NOT NULL AND j.trade IS NOT NULL
               AND j.completed_at <= now() - interval '${REPEAT_JOB_DAYS} days') d
           -- OFFSET 0 keeps the subquery whole: pulled up, "fixed" would be evaluated once per FILTER reading it
           OFFSET 0) judged`,
      ),
    ]);
    const texts = new Map<string, unknown>();
    for (const v of versions)
      for (const question of (v.definition as TQuestionnaireDefinition).questions)
        if (!texts.has(question.key)) texts.set(question.key, question.text);
    const { statements, reported } = statementsOf(spec, answers);
    const keys = driverKeys(statements);
    const n = (k: string) => Number(fix?.[k] ?? 0);
    return {
      phases: phasesOf(spec, answers),
      statements: statements.map((s) => ({ ...s, text: texts.get(s.questionKey) ?? null })),
      drivers: driversOf(spec, keys, keys.length ? await driverMoments(spec, keys) : null),
      firstTimeFix: {
        reported,
        ...firstTimeFixOf(spec, {
          judged: n('judged'),
          fixed: n('fixed'),
          gradeWhenFixed: { n: n('fixed_n'), sum: n('fixed_sum'), sumOfSquares: n('fixed_sq') },
          gradeWhenNotFixed: { n: n('other_n'), sum: n('other_sum'), sumOfSquares: n('other_sq') },
        }),
      },
    };
  }

  /** n, Σx and Σxᵢxⱼ of the grade and the drivers over the responses that answered them all */
  async function driverMoments(spec: ScreenSpec, keys: string[]) {
    const v = ['v0', ...keys.map((_, i) => `v${i + 1}`)];
    const pivot = keys.map(
      (k, i) =>
        `max(a.numeric_value) FILTER (WHERE a.question_key = '${k.replace(/'/g, "''")}') AS v${i + 1}`,
    );
    const products = v.flatMap((a, i) => v.slice(i).map((b) => `sum(${a} * ${b})`));
    const [row] = await q(
      `SELECT count(*) AS n, ${[...v.map((x) => `sum(${x})`), ...products].map((x, i) => `${x}::float8 AS m${i}`).join(', ')}
       FROM (SELECT r.grade::float8 AS v0, ${pivot.join(', ')}
         FROM responses r JOIN response_answers a ON a.response_id = r.id
           AND a.question_key IN (${keys.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ')})
         WHERE ${screenRows(spec, 'r.')} AND r.grade IS NOT NULL GROUP BY r.id) pivoted
       WHERE ${v.map((x) => `${x} IS NOT NULL`).join(' AND ')}`,
    );
    const m = (i: number) => Number(row?.[`m${i}`] ?? 0);
    const k = v.length;
    const crossProducts = v.map(() => new Array<number>(k).fill(0));
    let at = k;
    for (let i = 0; i < k; i++)
      for (let j = i; j < k; j++) {
        crossProducts[i]![j] = m(at);
        crossProducts[j]![i] = m(at);
        at++;
      }
    return { n: Number(row?.n ?? 0), sums: v.map((_, i) => m(i)), crossProducts };
  }

  async function reactions(spec: ScreenSpec) {
    const inScope = spec.teamIds ? scope(spec, 'r.') : 'true';
    const [items, [total]] = await Promise.all([
      reactionRows(database, inScope, 50),
      q(`SELECT count(*) AS n FROM responses r WHERE ${inScope}`),
    ]);
    return { items, total: Number(total?.n ?? 0), page: 1, pageSize: 50 };
  }

  return {
    overview,
    'trend-month': (spec: ScreenSpec) => trend({ ...spec, grain: 'month' }),
    'trend-week': (spec: ScreenSpec) => trend({ ...spec, grain: 'week' }),
    'breakdown-technician': breakdown,
    journey,
    reactions,
  };
}
