import type { ScreenName } from './plan';

/**
 * What must agree between the app and a reference, per screen: every count, and every value to
 * six decimals, of what the screen shows (not the intervals' wording or the targets' presentation).
 * A bench whose two sides disagree measures nothing, so the group reports every difference.
 */
// biome-ignore lint/suspicious/noExplicitAny: the answers of six screens, read where the screen says
type Json = Record<string, any>;
const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6;
const figure = (f: Json) => [f.n, round(f.value), f.previous?.n ?? null, f.lastYear?.n ?? null];
const figures = (f: Json) => [figure(f.grade), figure(f.eightPlus), figure(f.dissatisfied), figure(f.nps)];
const byFirst = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const phases = (list: Json[]) => byFirst(list.map((p) => [p.phase, figure(p.figure)]));

export function factsOf(screen: ScreenName, j: Json): unknown {
  switch (screen) {
    case 'overview':
      return {
        responses: j.responses,
        figures: figures(j.figures),
        invitations: [
          j.invitations.due,
          j.invitations.delivered,
          j.invitations.answered,
          j.invitations.expired,
        ],
        phases: phases(j.phases),
        comparisons: j.comparisons.map((c: Json) => [c.level, figures(c.figures)]),
        latest: j.latest.map((r: Json) => r.id),
      };
    case 'trend-month':
    case 'trend-week':
      return j.points.map((p: Json) => [p.periodStart, p.responses, figures(p.figures)]);
    case 'breakdown-technician':
      return {
        reference: figures(j.reference),
        rows: byFirst(
          j.rows.map((r: Json) => [
            r.key,
            r.responses,
            figures(r.figures),
            r.funnel.map((f: Json) => f.position),
          ]),
        ),
      };
    case 'journey':
      return {
        phases: phases(j.phases),
        statements: byFirst(j.statements.map((s: Json) => [s.questionKey, figure(s.figure)])),
        drivers: [j.drivers.n, byFirst(j.drivers.items.map((d: Json) => [d.questionKey, round(d.weight)]))],
        firstTimeFix: [
          figure(j.firstTimeFix.reported),
          figure(j.firstTimeFix.fromJobs),
          figure(j.firstTimeFix.gradeWhenFixed),
        ],
      };
    case 'reactions':
      return { total: j.total, ids: j.items.map((r: Json) => r.id) };
  }
}

/** The first difference between two facts, as a path and both values; null when they agree. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return a === b ? null : `${path || '.'}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Json)[k], (b as Json)[k], `${path}.${k}`);
    if (d) return d;
  }
  return null;
}
