import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { eraseTenantData } from '../../domain/tenants/erase-tenant-data';
import { exportTenantData } from '../../domain/tenants/export-tenant-data';
import { OPT_IN_REASON_MAX, optTenantBackIn } from '../../domain/tenants/opt-tenant-back-in';
import { actorOf } from '../authenticate';
import { notFound } from '../errors';
import { personalData } from '../personal-data';
import { ZIdParams } from '../presenters/page';
import { presentTenant, ZTenantItem } from '../presenters/tenant';

const tags = ['tenants'];

export const ZEraseTenantBody = z.object({
  confirm: z.string().max(200).describe("the tenant's external id, typed again: an erasure cannot be undone"),
});

export const ZOptTenantBackInBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(OPT_IN_REASON_MAX)
    .describe(
      'that the tenant asked, how and when (e.g. "telefonisch verzoek huurder 28-11"); kept in the audit log, so no personal data',
    ),
});

/**
 * The tenant's rights under the AVG/GDPR: a full export and erasure, by an admin, both audited; and
 * undoing the tenant's own opt-out when they ask for surveys again, likewise.
 */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/tenants/:id/export',
    {
      config: personalData,
      schema: {
        tags,
        summary: 'Everything about one tenant as a JSON download (admin; audited)',
        description:
          'Tenant record, homes, jobs, invitations, messages sent to them and their responses, also those without consent. Responses unlinked by retention are no longer theirs to find.',
        params: ZIdParams,
      },
    },
    async (request, reply) => {
      const document = await exportTenantData({
        db: ctx.db,
        actor: actorOf(request),
        tenantId: request.params.id,
        ip: request.ip,
      });
      if (!document) throw notFound('Tenant not found');
      const name = document.tenant.externalId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
      return reply
        .header('content-disposition', `attachment; filename="huurder-${name}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(document, null, 2));
    },
  );
  r.post(
    '/api/v1/tenants/:id/erase',
    {
      config: personalData,
      schema: {
        tags,
        summary: "Erase a tenant's personal data; the figures stay (admin; audited; cannot be undone)",
        params: ZIdParams,
        body: ZEraseTenantBody,
        response: {
          200: z.object({
            tenantId: z.number().int(),
            externalId: z.string(),
            responses: z.number().int().describe('responses unlinked now'),
            invitations: z.number().int(),
            messages: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const erased = await eraseTenantData({
        db: ctx.db,
        actor: actorOf(request),
        tenantId: request.params.id,
        confirm: request.body.confirm,
        ip: request.ip,
      });
      if (!erased) throw notFound('Tenant not found');
      return erased;
    },
  );
  r.post(
    '/api/v1/tenants/:id/opt-in',
    {
      config: personalData,
      schema: {
        tags,
        summary: "Undo a tenant's own opt-out, at their request (admin; audited)",
        description:
          "For a tenant who opted out themselves (selfOptedOutAt) and asked the corporation for surveys again: optedOut becomes false, optedOutAt and selfOptedOutAt are cleared, and the ERP's upsert treats them as any tenant from then on. 409 when there is no own opt-out to undo: erased, opted out only by the ERP, or not opted out (also a second request).",
        params: ZIdParams,
        body: ZOptTenantBackInBody,
        response: { 200: ZTenantItem },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const tenant = await optTenantBackIn({
        db: ctx.db,
        actor,
        tenantId: request.params.id,
        reason: request.body.reason,
        ip: request.ip,
      });
      if (!tenant) throw notFound('Tenant not found');
      return presentTenant(tenant, actor);
    },
  );
}
