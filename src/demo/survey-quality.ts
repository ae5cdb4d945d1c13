import type { DemoContractors } from './contractors';
import type { DemoOrganisation } from './organisation';
import type { DemoPeople } from './people';
import type { Random } from './random';

/**
 * How well a job went, as the tenant experiences it: a latent quality made of the journey's level
 * at that time (planned maintenance starts low and improves over the three years), the team's
 * and the person's own effect (some technicians and contractors are consistently better or worse,
 * so dashboards show differences), and the luck of the day. Grades follow the sector's
 * polarisation: most tenants give 8–10, a bad experience gives a tail of 1–4, few give 5–6.
 */
export class SurveyQuality {
  private readonly teamEffect = new Map<number, number>();
  private readonly technicianEffect = new Map<number, number>();
  private readonly contractorEffect = new Map<number, number>();

  constructor(
    random: Random,
    org: DemoOrganisation,
    people: DemoPeople,
    contractors: DemoContractors,
    private readonly lastDay: number,
  ) {
    // Centred per group, so the journeys keep their level whatever the seed: the differences are
    // between teams and people, not between one demo and the next.
    const effects = (ids: number[], spread: number, into: Map<number, number>, offset = 0) => {
      const raw = ids.map(() => gaussian(random) * spread);
      const mean = raw.reduce((a, b) => a + b, 0) / Math.max(1, raw.length);
      for (const [i, id] of ids.entries()) into.set(id, raw[i]! - mean + offset);
    };
    for (const kind of ['repair', 'planned'])
      effects(
        org.teams.filter((t) => t.kind === kind).map((t) => t.id),
        0.25,
        this.teamEffect,
      );
    effects(
      people.employees.filter((e) => e.role === 'technician').map((e) => e.id),
      0.4,
      this.technicianEffect,
    );
    const byCategory = (main: boolean) =>
      contractors.contractors.filter((c) => (c.category !== 'other') === main).map((c) => c.id);
    effects(byCategory(true), 0.3, this.contractorEffect, 0.05); // main contractors and specialists
    effects(byCategory(false), 0.5, this.contractorEffect, -0.1);
  }

  /** the person's own effect: the technician's, or the contractor's */
  personEffect(job: { technicianId: number | null; contractorId: number | null }) {
    if (job.technicianId) return this.technicianEffect.get(job.technicianId) ?? 0;
    return job.contractorId ? (this.contractorEffect.get(job.contractorId) ?? 0) : 0;
  }

  /** the latent quality of one job's experience */
  quality(
    random: Random,
    job: { journey: string; teamId: number; completedDay: number },
    personEffect: number,
  ) {
    const t = job.completedDay / this.lastDay;
    const level =
      job.journey === 'planned' ? -0.85 + 0.45 * t : job.journey === 'repair' ? -0.05 + 0.2 * t : 0;
    return level + (this.teamEffect.get(job.teamId) ?? 0) + personEffect + gaussian(random) * 0.35;
  }
}

const badWeights = [30, 10, 14, 16, 16, 14]; // grades 1–6 after a bad experience
const goodWeights = [4, 19, 34, 22, 21]; // grades 6–10 otherwise

/** The rapportcijfer for a latent quality `u` (0 = the repair journey's usual level). */
export function drawGrade(random: Random, u: number): number {
  const pBad = Math.min(0.9, 0.13 * Math.exp(-1.3 * u));
  if (random.chance(pBad)) return 1 + pickIndex(random, badWeights);
  return (
    6 +
    pickIndex(
      random,
      goodWeights.map((w, i) => w * Math.exp(0.55 * u * (i - 2))),
    )
  );
}

/** Would they recommend the corporation: close to the grade, a little stricter for planned work. */
export function drawNps(random: Random, journey: string, grade: number): number {
  const shift = journey === 'planned' ? -0.4 : -0.3;
  return Math.max(0, Math.min(10, Math.round(grade + shift + gaussian(random) * 1.1)));
}

/** standard normal (Box–Muller) */
export function gaussian(random: Random) {
  const u = 1 - random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

function pickIndex(random: Random, weights: readonly number[]) {
  let r = random.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}
