import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { eraseTenantData } from '../../domain/tenants/erase-tenant-data';
import { exportTenantData } from '../../domain/tenants/export-tenant-data';
import { actorOf } from '../authenticate';
import { notFound } from '../errors';
import { ZIdParams } from '../presenters/page';

const tags = ['tenants'];

export const ZEraseTenantBody = z.object({
  confirm: z.string().max(200).describe("the tenant's external id, typed again: an erasure cannot be undone"),
});

/** The tenant's rights under the AVG/GDPR: a full export and erasure, by an admin, both audited. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/tenants/:id/export',
    {
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
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(document, null, 2));
    },
  );
  r.post(
    '/api/v1/tenants/:id/erase',
    {
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
}
