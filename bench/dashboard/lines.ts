import { type BenchLine, line } from '../line';
import { type Measured, sampleKey } from './measure';
import { type DashboardPlan, growthScreens, roles, screens } from './plan';
import { percentile } from './requests';

/** A line whose goal is a ratio at most `most` (line() knows only "at least"). */
export function ratioAtMost(
  scenario: string,
  metric: string,
  unit: string,
  value: number,
  baseline: number,
  most: number | null,
): BenchLine {
  const l = line(scenario, metric, unit, value, baseline);
  if (most === null) return l;
  return { ...l, goal: `ratio <= ${most}`, ok: l.ratio !== null && l.ratio <= most };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The lines of one backend: per role and screen against the references, growth and the aim; then the whole. */
export function* dashboardLines(
  backend: 'postgres' | 'pglite',
  plan: DashboardPlan,
  measured: Measured,
  whole: { peakRssMb: number; nodePeakRssMb: number; rollupSeconds: number },
): Generator<BenchLine> {
  const at = (
    size: 'small' | 'large',
    kind: 'app' | 'sql' | 'node',
    role: string,
    screen: string,
    p: number,
  ) =>
    percentile(
      measured.samples.get(sampleKey(size, kind, role as never, screen as never)) ?? [Number.NaN],
      p,
    );
  const aim = backend === 'postgres' ? 100 : 300;
  const large = count(plan.large);
  for (const { name: role } of roles)
    for (const { name: screen } of screens) {
      const scenario = `dashboard-${screen} (${backend}, ${role})`;
      const app = (p: number, size: 'small' | 'large' = 'large') => at(size, 'app', role, screen, p);
      const versusSql = `at ${large} responses, against hand-written SQL over the raw tables`;
      yield ratioAtMost(
        scenario,
        `p50 ${versusSql}`,
        'ms',
        app(0.5),
        at('large', 'sql', role, screen, 0.5),
        1.3,
      );
      yield ratioAtMost(
        scenario,
        `p95 ${versusSql}`,
        'ms',
        app(0.95),
        at('large', 'sql', role, screen, 0.95),
        1.3,
      );
      yield ratioAtMost(
        scenario,
        `growth: p95 at ${large} ÷ p95 at ${count(plan.small)} responses`,
        'ms',
        app(0.95),
        app(0.95, 'small'),
        growthScreens.includes(screen) ? 2 : null,
      );
      if (screen !== 'reactions')
        yield line(
          scenario,
          `p95 at ${large} responses, against summarising in Node from the loaded rows (information)`,
          'ms',
          app(0.95),
          at('large', 'node', role, screen, 0.95),
        );
      yield line(scenario, `p95 at ${large} responses (aim on this 2-core machine)`, 'ms', app(0.95), null, {
        valueAtMost: aim,
      });
    }
  const scenario = `dashboard (${backend})`;
  yield line(
    scenario,
    `server's peak RSS serving the screens at ${large} responses, against the summarising-in-Node server's (information)`,
    'MB',
    whole.peakRssMb,
    whole.nodePeakRssMb,
  );
  yield line(
    scenario,
    `rollups built from scratch for ${large} responses (resetRollups + rollUpBacklog; information)`,
    's',
    whole.rollupSeconds,
    null,
  );
  yield line(
    scenario,
    'screens whose figures differ between the app and a reference',
    'count',
    measured.differences.length,
    null,
    {
      valueAtMost: 0,
    },
  );
}

/** Every percentile measured, on stderr, for the reader who wants the small size and the references too. */
export function printPercentiles(backend: string, measured: Measured) {
  for (const [key, values] of [...measured.samples.entries()].sort(([a], [b]) => a.localeCompare(b)))
    console.error(
      `  ${backend} ${key.replaceAll('|', ' ')}: p50 ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms (n ${values.length})`,
    );
}
