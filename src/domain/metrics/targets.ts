import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { TargetMetric } from '../../contracts/metrics';
import type { Db } from '../../db/client';
import { contractors, departments, type Journey, targets, teams } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { badRequest, conflict, invalidFields, refused } from '../errors';
import type { Figure } from './figures';
import type { MetricFilters } from './metric-filters';

export type TargetLevel = 'organisation' | 'department' | 'team' | 'contractor';
export type Target = typeof targets.$inferSelect;

/** What a target is set for: the organisation (none given), one department, team or contractor. */
export interface TargetSubject {
  departmentId?: number | null;
  teamId?: number | null;
  contractorId?: number | null;
}

const ranges: Record<TargetMetric, [number, number]> = {
  eight_plus: [0, 1],
  dissatisfied: [0, 1],
  grade: [1, 10],
  nps: [-100, 100],
};

/**
 * Sets the target in force for a year, journey, metric and subject; the one it replaces stays as
 * history (replacedAt). Head, quality and admin only (policy `target.manage`).
 */
export async function setTarget(
  db: Db,
  actor: Actor,
  input: { year: number; journey: Journey; metric: TargetMetric; value: number } & TargetSubject,
): Promise<Target> {
  authorize(actor, 'target.manage');
  const given = [input.departmentId, input.teamId, input.contractorId].filter((v) => v != null);
  if (given.length > 1)
    throw badRequest('A target is for one department, team or contractor, or for the organisation');
  const [low, high] = ranges[input.metric];
  if (!(input.value >= low && input.value <= high))
    throw invalidFields([
      { field: 'body.value', message: `must lie between ${low} and ${high} for ${input.metric}` },
    ]);
  await checkSubject(db, actor, input);
  const by = actor.kind === 'user' ? actor.email : actor.name;
  return db
    .transaction(async (tx) => {
      await tx
        .update(targets)
        .set({ replacedAt: sql`now()` })
        .where(and(isNull(targets.replacedAt), ...sameSubject(input)));
      const [row] = await tx
        .insert(targets)
        .values({
          year: input.year,
          journey: input.journey,
          metric: input.metric,
          departmentId: input.departmentId ?? null,
          teamId: input.teamId ?? null,
          contractorId: input.contractorId ?? null,
          value: input.value,
          setBy: by,
        })
        .returning();
      return row!;
    })
    .catch((err: unknown) => {
      // two settings of the same target at the same moment: one wins, the other is told to look again
      if (isUniqueViolation(err))
        throw conflict('This target was just set by someone else; reload and try again');
      throw err;
    });
}

function sameSubject(t: { year: number; journey: Journey; metric: TargetMetric } & TargetSubject) {
  const same = (column: AnyPgColumn, value?: number | null) =>
    value == null ? isNull(column) : eq(column, value);
  return [
    eq(targets.year, t.year),
    eq(targets.journey, t.journey),
    eq(targets.metric, t.metric),
    same(targets.departmentId, t.departmentId),
    same(targets.teamId, t.teamId),
    same(targets.contractorId, t.contractorId),
  ];
}

/** Every target of a year, those in force first, then the history newest first. Readable by all staff. */
export async function listTargets(db: Db, actor: Actor, year: number) {
  authorize(actor, 'metrics.read');
  return db
    .select()
    .from(targets)
    .where(eq(targets.year, year))
    .orderBy(sql`${targets.replacedAt} IS NOT NULL`, desc(targets.setAt), desc(targets.id));
}

/**
 * The target that applies to a figure of these filters: the team's, the contractor's or the
 * department's when the figure is narrowed to one, else the organisation's — the nearest that
 * exists. None without a journey (repairs and planned maintenance have different targets).
 */
export async function targetFor(
  db: Db,
  {
    year,
    metric,
    filters,
    departmentIdOfTeam,
  }: {
    year: number;
    metric: TargetMetric;
    filters: MetricFilters;
    departmentIdOfTeam?: number | null;
  },
): Promise<(Target & { level: TargetLevel }) | null> {
  if (!filters.journey) return null;
  const inForce = await db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.year, year),
        eq(targets.journey, filters.journey),
        eq(targets.metric, metric),
        isNull(targets.replacedAt),
      ),
    );
  const find = (level: TargetLevel, pick: (t: Target) => boolean) => {
    const t = inForce.find(pick);
    return t ? { ...t, level } : null;
  };
  const departmentId = filters.departmentId ?? departmentIdOfTeam ?? null;
  return (
    (filters.teamId ? find('team', (t) => t.teamId === filters.teamId) : null) ??
    (filters.contractorId ? find('contractor', (t) => t.contractorId === filters.contractorId) : null) ??
    (departmentId ? find('department', (t) => t.departmentId === departmentId) : null) ??
    find('organisation', (t) => t.departmentId === null && t.teamId === null && t.contractorId === null)
  );
}

/** The department of the team a figure is narrowed to: its target applies when the team has none. */
/**
 * The subject must exist (400 naming the field otherwise); a head sets targets for the own
 * department, its teams and contractors — the organisation's are quality's and the admin's.
 */
async function checkSubject(db: Db, actor: Actor, input: TargetSubject) {
  const exists = async (table: typeof teams | typeof departments | typeof contractors, id: number) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.id, id))).length > 0;
  if (input.teamId && !(await exists(teams, input.teamId)))
    throw invalidFields([{ field: 'body.teamId', message: 'no such team' }]);
  if (input.departmentId && !(await exists(departments, input.departmentId)))
    throw invalidFields([{ field: 'body.departmentId', message: 'no such department' }]);
  if (input.contractorId && !(await exists(contractors, input.contractorId)))
    throw invalidFields([{ field: 'body.contractorId', message: 'no such contractor' }]);
  if (actor.kind !== 'user' || actor.role !== 'head' || input.contractorId) return;
  const department = input.departmentId ?? (await departmentOfTeam(db, input.teamId ?? undefined));
  if (!department || department !== actor.departmentId)
    throw refused(
      "A head of department sets the targets of the own department and its teams; the organisation's are set by quality",
    );
}

export async function departmentOfTeam(db: Db, teamId?: number): Promise<number | null> {
  if (!teamId) return null;
  const [team] = await db
    .select({ departmentId: teams.departmentId })
    .from(teams)
    .where(eq(teams.id, teamId));
  return team?.departmentId ?? null;
}

/** The figure against its target: how far it is (figure − target) and whether it is met. */
export function againstTarget(
  figure: Figure,
  target: (Target & { level: TargetLevel }) | null,
  lowerIsBetter = false,
) {
  if (!target) return null;
  const gap = figure.value === null ? null : figure.value - target.value;
  return {
    value: target.value,
    gap,
    met: gap === null ? null : lowerIsBetter ? gap <= 0 : gap >= 0,
    level: target.level,
  };
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause)
    if ((e as { code?: string }).code === '23505') return true;
  return false;
}
