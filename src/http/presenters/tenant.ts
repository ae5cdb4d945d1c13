import { z } from 'zod';
import { contactChannels, type tenants } from '../../db/schema';
import type { listTenants } from '../../domain/tenants/list-tenants';
import type { Actor } from '../../policy/actor';
import { tenantCan } from '../../policy/object-policies';
import { iso } from './page';

/**
 * A tenant's contact data and whether surveys reach them and why not, for staff who may see tenant
 * contact data (the tenant list, a job's tenant contact): the contact centre must know that a tenant
 * asked for it themselves (the ERP cannot undo that) or was erased (AVG: the row holds nothing of the
 * person any more), not only that they are opted out.
 */
export const ZTenantContact = z.object({
  name: z.string(),
  email: z.string().nullable(),
  mobile: z.string().nullable(),
  preferredChannel: z.enum(contactChannels),
  optedOut: z.boolean(),
  selfOptedOutAt: z
    .string()
    .nullable()
    .describe(
      'when the tenant opted out themselves (survey link or e-mail unsubscribe); null if they did not',
    ),
  erasedAt: z.string().nullable().describe("when the tenant's data were erased (AVG); null if they were not"),
});

export function presentTenantContact(
  t: Pick<
    typeof tenants.$inferSelect,
    'name' | 'email' | 'mobile' | 'preferredChannel' | 'optedOut' | 'selfOptedOutAt' | 'erasedAt'
  >,
): z.infer<typeof ZTenantContact> {
  return {
    name: t.name,
    email: t.email,
    mobile: t.mobile,
    preferredChannel: t.preferredChannel,
    optedOut: t.optedOut,
    selfOptedOutAt: iso(t.selfOptedOutAt),
    erasedAt: iso(t.erasedAt),
  };
}

export const ZTenantItem = z
  .object({ id: z.number().int(), externalId: z.string() })
  .extend(ZTenantContact.shape)
  .extend({
    can: z
      .object({ exportData: z.boolean(), erase: z.boolean(), optBackIn: z.boolean() })
      .describe('what the reader may do with this tenant now'),
  });

type TenantRow = Awaited<ReturnType<typeof listTenants>>['rows'][number];

export function presentTenant(t: TenantRow, actor: Actor): z.infer<typeof ZTenantItem> {
  return { id: t.id, externalId: t.externalId, ...presentTenantContact(t), can: tenantCan(actor, t) };
}
