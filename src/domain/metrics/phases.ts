import { type Figure, meanFigure } from './figures';
import type { AnswerSums } from './sums';

export interface PhaseFigure {
  phase: string;
  figure: Figure;
}

/** The phase grades (1–10) summed per phase, whatever question key or questionnaire version asked them. */
export function phaseFigures(answers: readonly AnswerSums[], minimumN: number): PhaseFigure[] {
  const byPhase = new Map<string, { n: number; sum: number; sumOfSquares: number }>();
  for (const a of answers) {
    if (a.questionType !== 'phase_grade' || !a.phase) continue;
    const m = byPhase.get(a.phase) ?? { n: 0, sum: 0, sumOfSquares: 0 };
    byPhase.set(a.phase, { n: m.n + a.n, sum: m.sum + a.sum, sumOfSquares: m.sumOfSquares + a.sumSq });
  }
  return [...byPhase.entries()].map(([phase, moments]) => ({
    phase,
    figure: meanFigure(moments, { minimumN }),
  }));
}

/** The phase with the lowest shown mean, or none when no phase reaches the minimum n. */
export function weakestPhase(phases: readonly PhaseFigure[]): PhaseFigure | null {
  const shown = phases.filter((p) => p.figure.value !== null);
  return shown.reduce<PhaseFigure | null>(
    (low, p) => (!low || p.figure.value! < low.figure.value! ? p : low),
    null,
  );
}
