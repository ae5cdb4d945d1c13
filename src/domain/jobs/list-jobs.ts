import { and, asc, count, desc, eq, like, or, type SQL, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { contractors, employees, type JobStatus, type Journey, jobs, teams, units } from '../../db/schema';
import {
  containsPattern,
  offsetOf,
  type PageRequest,
  prefixPattern,
  searchKinds,
} from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { jobScope } from '../../policy/scope';
import { onBusinessDates } from '../business-time/business-time';

export const jobSorts = ['-completedAt', 'completedAt', '-reportedAt', 'reportedAt', 'externalId'] as const;
export type JobSort = (typeof jobSorts)[number];

export interface ListJobsOptions extends PageRequest {
  db: Db;
  actor: Actor;
  /** external id, street and house number, or postcode */
  q?: string;
  status?: JobStatus;
  journey?: Journey;
  teamId?: number;
  technicianId?: number;
  contractorId?: number;
  /** business dates (Europe/Amsterdam), both inclusive */
  completedFrom?: string;
  completedTo?: string;
  sort?: JobSort;
}

/** The columns of a job as lists show it: where, who, when. */
export const jobItemColumns = {
  id: jobs.id,
  externalId: jobs.externalId,
  journey: jobs.journey,
  trade: jobs.trade,
  status: jobs.status,
  reportedAt: jobs.reportedAt,
  appointmentAt: jobs.appointmentAt,
  completedAt: jobs.completedAt,
  unit: {
    id: units.id,
    street: units.street,
    houseNumber: units.houseNumber,
    postcode: units.postcode,
    city: units.city,
  },
  team: { id: teams.id, name: teams.name },
  technician: { id: employees.id, name: employees.name },
  contractor: { id: contractors.id, name: contractors.name },
};

export function selectJobs<T extends SelectedFields>(db: Db, extra: T = {} as T) {
  return db
    .select({ ...jobItemColumns, ...extra })
    .from(jobs)
    .leftJoin(units, eq(units.id, jobs.unitId))
    .leftJoin(teams, eq(teams.id, jobs.teamId))
    .leftJoin(employees, eq(employees.id, jobs.technicianId))
    .leftJoin(contractors, eq(contractors.id, jobs.contractorId));
}

export type JobRow = Awaited<ReturnType<ReturnType<typeof selectJobs>['execute']>>[number];

// Each order is an index read forwards or backwards (see schema/jobs.ts); on completion that puts
// open work (no completion yet) on top of the newest-first list.
const orderings: Record<JobSort, SQL[]> = {
  '-completedAt': [sql`${jobs.completedAt} desc nulls first`, desc(jobs.id)],
  completedAt: [sql`${jobs.completedAt} asc nulls last`, asc(jobs.id)],
  '-reportedAt': [sql`${jobs.reportedAt} desc nulls last`, desc(jobs.id)],
  reportedAt: [sql`${jobs.reportedAt} asc nulls first`, asc(jobs.id)],
  externalId: [asc(jobs.externalId)],
};

/** Jobs the actor may see, filtered, sorted and counted in SQL. */
export async function listJobs({ db, actor, sort = '-completedAt', ...options }: ListJobsOptions) {
  authorize(actor, 'job.read');
  const where = jobConditions(actor, options);
  const countAll = async () => (await db.select({ n: count() }).from(jobs).where(where))[0]?.n ?? 0;
  const page = (extra: SelectedFields = {}) =>
    selectJobs(db, extra)
      .where(where)
      .orderBy(...orderings[sort])
      .limit(options.pageSize)
      .offset(offsetOf(options));
  // an address search scans the homes; doing that once (count as a window) halves the time
  if (options.q?.trim() && searchKinds(options.q).address) {
    const rows = await page({ total: sql<number>`count(*) over ()`.mapWith(Number) });
    const total = rows[0] ? Number(rows[0].total) : offsetOf(options) > 0 ? await countAll() : 0;
    return { rows, total };
  }
  const [rows, total] = await Promise.all([page(), countAll()]);
  return { rows, total };
}

function jobConditions(actor: Actor, o: Omit<ListJobsOptions, 'db' | 'actor' | 'sort'>) {
  const conditions: (SQL | undefined)[] = [jobScope(actor)];
  if (o.q?.trim()) conditions.push(matchesSearch(o.q.trim()));
  if (o.status) conditions.push(eq(jobs.status, o.status));
  if (o.journey) conditions.push(eq(jobs.journey, o.journey));
  if (o.teamId) conditions.push(eq(jobs.teamId, o.teamId));
  if (o.technicianId) conditions.push(eq(jobs.technicianId, o.technicianId));
  if (o.contractorId) conditions.push(eq(jobs.contractorId, o.contractorId));
  conditions.push(onBusinessDates(jobs.completedAt, o.completedFrom, o.completedTo));
  return and(...conditions);
}

/**
 * Work-order numbers match from the start (as typed or upper-cased, so the text_pattern_ops index
 * serves both); homes are looked up first — by postcode index, or a scan of addresses only when
 * the text looks like one — and their jobs fetched through the unit index. `= any(array(…))`
 * rather than `in (…)` lets PostgreSQL combine the index scans (BitmapOr).
 */
function matchesSearch(q: string) {
  const prefix = prefixPattern(q);
  const kinds = searchKinds(q);
  const homes = kinds.postcode
    ? sql`select ${units.id} from ${units} where replace(upper(${units.postcode}), ' ', '') like ${kinds.postcode}`
    : kinds.address
      ? sql`select ${units.id} from ${units} where (${units.street} || ' ' || ${units.houseNumber}) ilike ${containsPattern(q)}`
      : undefined;
  return or(
    like(jobs.externalId, prefix),
    like(jobs.externalId, prefix.toUpperCase()),
    homes ? sql`${jobs.unitId} = any(array(${homes}))` : undefined,
  );
}
