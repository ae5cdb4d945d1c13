import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
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

export function selectUnits<T extends SelectedFields>(db: Db, extra: T = {} as T) {
  return db
    .select({
      ...extra,
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
  if (city) conditions.push(sql`lower(${units.city}) = lower(${city.trim()})`);
  if (complexId) conditions.push(eq(units.complexId, complexId));
  if (ownersAssociation !== undefined) conditions.push(eq(units.ownersAssociation, ownersAssociation));
  const where = and(...conditions);
  const countAll = async () => (await db.select({ n: count() }).from(units).where(where))[0]?.n ?? 0;
  const unitPage = (extra: SelectedFields = {}) =>
    selectUnits(db, extra)
      .where(where)
      .orderBy(
        asc(units.city),
        asc(units.street),
        sql`length(${units.houseNumber})`,
        asc(units.houseNumber),
        asc(units.id),
      )
      .limit(page.pageSize)
      .offset(offsetOf(page));
  // an address search scans every home; doing that once (count as a window) halves the time
  if (q?.trim() && searchKinds(q).address) {
    const rows = await unitPage({ total: sql<number>`count(*) over ()`.mapWith(Number) });
    const total = rows[0] ? Number(rows[0].total) : offsetOf(page) > 0 ? await countAll() : 0;
    return { rows, total };
  }
  const [rows, total] = await Promise.all([unitPage(), countAll()]);
  return { rows, total };
}
