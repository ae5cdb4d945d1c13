import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contractors, teams } from '../../db/schema';
import { containsPattern, offsetOf, type PageRequest } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { contractorScope } from '../../policy/scope';

export interface ListContractorsOptions extends PageRequest {
  db: Db;
  actor: Actor;
  q?: string;
  category?: (typeof contractors.category.enumValues)[number];
}

export function selectContractors(db: Db) {
  return db
    .select({
      id: contractors.id,
      externalId: contractors.externalId,
      name: contractors.name,
      category: contractors.category,
      trade: contractors.trade,
      active: contractors.active,
      pilotTeam: { id: teams.id, name: teams.name },
    })
    .from(contractors)
    .leftJoin(teams, eq(teams.id, contractors.pilotTeamId));
}

export type ContractorRow = Awaited<ReturnType<ReturnType<typeof selectContractors>['execute']>>[number];

/** Contractors (comakers); a contractor's own account sees only itself. */
export async function listContractors({ db, actor, q, category, ...page }: ListContractorsOptions) {
  authorize(actor, 'masterdata.read');
  const conditions: (SQL | undefined)[] = [contractorScope(actor)];
  if (q)
    conditions.push(
      or(ilike(contractors.name, containsPattern(q)), ilike(contractors.externalId, containsPattern(q))),
    );
  if (category) conditions.push(eq(contractors.category, category));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectContractors(db)
      .where(where)
      .orderBy(asc(contractors.name), asc(contractors.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(contractors).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
