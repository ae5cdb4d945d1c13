import { z } from 'zod';
import { contractorCategories } from '../../db/schema';
import type { getContractor } from '../../domain/contractors/get-contractor';
import type { ContractorRow } from '../../domain/contractors/list-contractors';
import { refOrNull, ZRef } from './page';

export const ZContractorItem = z.object({
  id: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  category: z.enum(contractorCategories),
  trade: z.string().nullable(),
  pilotTeam: ZRef.nullable(),
  active: z.boolean(),
});

export const ZContractorDetail = ZContractorItem.extend({
  contacts: z.array(
    z.object({ id: z.number().int(), name: z.string(), email: z.string(), phone: z.string().nullable() }),
  ),
});

export function presentContractor(c: ContractorRow): z.infer<typeof ZContractorItem> {
  return {
    id: c.id,
    externalId: c.externalId,
    name: c.name,
    category: c.category,
    trade: c.trade,
    pilotTeam: refOrNull(c.pilotTeam),
    active: c.active,
  };
}

export function presentContractorDetail(
  c: NonNullable<Awaited<ReturnType<typeof getContractor>>>,
): z.infer<typeof ZContractorDetail> {
  return {
    ...presentContractor(c),
    contacts: c.contacts.map((p) => ({ id: p.id, name: p.name, email: p.email, phone: p.phone })),
  };
}
