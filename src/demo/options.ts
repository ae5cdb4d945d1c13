import { z } from 'zod';
import { businessDate } from '../domain/business-time/business-time';

/** The demo organisation at scale 1 is the corporation of BRIEF.md; `scale` multiplies the volumes. */
export const ZDemoOptions = z.object({
  seed: z.number().int().min(0).default(8),
  scale: z.number().positive().max(100).default(1),
  /** last day of the three years of jobs (YYYY-MM-DD, Europe/Amsterdam); default today */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  /** the number of survey responses to aim for; default about 30% of the invitations sent */
  responses: z.number().int().min(0).max(10_000_000).optional(),
});
export type TDemoOptions = z.input<typeof ZDemoOptions>;

export interface DemoVolumes {
  seed: number;
  scale: number;
  asOf: string;
  units: number;
  ownersAssociations: number;
  ownersAssociationUnits: number;
  repairJobsPerYear: number;
  plannedProjectsPerTeamPerYear: number;
  vacancyRate: number;
  years: number;
  /** target number of survey responses; undefined: about 30% of the invitations sent */
  responses: number | undefined;
}

export function demoVolumes(input: TDemoOptions = {}): DemoVolumes {
  const o = ZDemoOptions.parse(input);
  const s = o.scale;
  return {
    seed: o.seed,
    scale: s,
    asOf: o.asOf ?? todayInAmsterdam(),
    units: Math.max(50, Math.round(45_000 * s)),
    ownersAssociations: Math.max(2, Math.round(330 * s)),
    ownersAssociationUnits: Math.max(16, Math.round(8_000 * s)),
    repairJobsPerYear: Math.max(100, Math.round(70_000 * s)),
    // A project covers a whole complex; complexes keep their size as the scale grows, so the
    // number of projects follows the number of complexes.
    plannedProjectsPerTeamPerYear: Math.max(1, Math.round(12 * s)),
    vacancyRate: 0.07,
    years: 3,
    responses: o.responses,
  };
}

export const todayInAmsterdam = (now = new Date()) => businessDate(now);
