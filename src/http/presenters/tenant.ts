import { z } from 'zod';
import { contactChannels } from '../../db/schema';
import type { listTenants } from '../../domain/tenants/list-tenants';

export const ZTenantItem = z.object({
  id: z.number().int(),
  externalId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  preferredChannel: z.enum(contactChannels),
  optedOut: z.boolean(),
});

type TenantRow = Awaited<ReturnType<typeof listTenants>>['rows'][number];

export function presentTenant(t: TenantRow): z.infer<typeof ZTenantItem> {
  return {
    id: t.id,
    externalId: t.externalId,
    name: t.name,
    email: t.email,
    mobile: t.mobile,
    preferredChannel: t.preferredChannel,
    optedOut: t.optedOut,
  };
}
