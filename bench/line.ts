/** One benchmark result, printed as one JSON line (DESIGN.md's public contract). */
export interface BenchLine {
  scenario: string;
  metric: string;
  unit: string;
  value: number;
  /** the same measure for the reference, taken in the same run; null when there is none */
  baseline: number | null;
  /** value / baseline */
  ratio: number | null;
  /** e.g. "ratio >= 0.3" or "value <= 60" */
  goal: string | null;
  /** whether the goal holds, honestly; null when there is no goal */
  ok: boolean | null;
}

export interface BenchOptions {
  quick: boolean;
  /** PostgreSQL server to measure on (a throw-away database is created per group); absent = PGlite only */
  postgresUrl?: string;
}

export type BenchGroup = (opts: BenchOptions) => AsyncIterable<BenchLine>;

export function line(
  scenario: string,
  metric: string,
  unit: string,
  value: number,
  baseline: number | null,
  goal?: { ratioAtLeast?: number; valueAtMost?: number; valueAtLeast?: number },
): BenchLine {
  const ratio = baseline ? round(value / baseline) : null;
  let goalText: string | null = null;
  let ok: boolean | null = null;
  if (goal?.ratioAtLeast !== undefined) {
    goalText = `ratio >= ${goal.ratioAtLeast}`;
    ok = ratio !== null && ratio >= goal.ratioAtLeast;
  } else if (goal?.valueAtMost !== undefined) {
    goalText = `value <= ${goal.valueAtMost}`;
    ok = value <= goal.valueAtMost;
  } else if (goal?.valueAtLeast !== undefined) {
    goalText = `value >= ${goal.valueAtLeast}`;
    ok = value >= goal.valueAtLeast;
  }
  return {
    scenario,
    metric,
    unit,
    value: round(value),
    baseline: baseline === null ? null : round(baseline),
    ratio,
    goal: goalText,
    ok,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
