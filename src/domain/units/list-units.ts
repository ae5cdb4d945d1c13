import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { complexes, units } from '../../db/schema';
import { containsPattern, offsetOf, type PageRequest, searchKinds } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { unitScope } from '../../policy/scope';

export interface ListUnitsOptions extends PageRequest {
  db: Db;
  actor: Actor;
  /** address, postcode or external id */
  q?: string;
  city?: string;
  complexId?: number;
  ownersAssociation?: boolean;
}

export function selectUnits(db: Db) {
  return db
    .select({
      id: units.id,
      externalId: units.externalId,
      street: units.street,
      houseNumber: units.houseNumber,
      postcode: units.postcode,
      city: units.city,
      ownersAssociation: units.ownersAssociation,
      ownersAssociationName: units.ownersAssociationName,
      complex: { id: complexes.id, name: complexes.name },
    })
    .from(units)
    .leftJoin(complexes, eq(complexes.id, units.complexId));
}

export type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['execute']>>[number];

/** Homes (verhuureenheden); technicians and contractors see only the homes of their own jobs. */
export async function listUnits({
  db,
  actor,
  q,
  city,
  complexId,
  ownersAssociation,
  ...page
}: ListUnitsOptions) {
  authorize(actor, 'masterdata.read');
  const conditions: (SQL | undefined)[] = [unitScope(actor)];
  if (q?.trim()) {
    const kinds = searchKinds(q);
    conditions.push(
      or(
        kinds.postcode ? sql`replace(upper(${units.postcode}), ' ', '') like ${kinds.postcode}` : undefined,
        kinds.address
          ? sql`(${units.street} || ' ' || ${units.houseNumber}) ilike ${containsPattern(q)}`
          : undefined,
        kinds.postcode ? undefined : ilike(units.externalId, containsPattern(q)),
      ),
    );
  }
  if (city) conditions.push(ilike(units.city, city.trim()));
  if (complexId) conditions.push(eq(units.complexId, complexId));
  if (ownersAssociation !== undefined) conditions.push(eq(units.ownersAssociation, ownersAssociation));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    selectUnits(db)
      .where(where)
      .orderBy(
        asc(units.city),
        asc(units.street),
        sql`length(${units.houseNumber})`,
        asc(units.houseNumber),
        asc(units.id),
      )
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
