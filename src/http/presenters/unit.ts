import { z } from 'zod';
import type { getUnit } from '../../domain/units/get-unit';
import type { UnitRow } from '../../domain/units/list-units';
import { presentJob, ZJobItem } from './job';
import { refOrNull, ZRef } from './page';

export const ZUnitItem = z.object({
  id: z.number().int(),
  externalId: z.string(),
  street: z.string(),
  houseNumber: z.string(),
  postcode: z.string(),
  city: z.string(),
  complex: ZRef.nullable(),
  ownersAssociation: z.boolean(),
});

export const ZUnitDetail = ZUnitItem.extend({
  ownersAssociationName: z.string().nullable(),
  recentJobs: z.array(ZJobItem),
});

export function presentUnit(u: UnitRow): z.infer<typeof ZUnitItem> {
  return {
    id: u.id,
    externalId: u.externalId,
    street: u.street,
    houseNumber: u.houseNumber,
    postcode: u.postcode,
    city: u.city,
    complex: refOrNull(u.complex),
    ownersAssociation: u.ownersAssociation,
  };
}

export function presentUnitDetail(
  u: NonNullable<Awaited<ReturnType<typeof getUnit>>>,
): z.infer<typeof ZUnitDetail> {
  return {
    ...presentUnit(u),
    ownersAssociationName: u.ownersAssociationName,
    recentJobs: u.recentJobs.map(presentJob),
  };
}
