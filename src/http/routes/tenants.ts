import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { listTenants } from '../../domain/tenants/list-tenants';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';
import { presentPage, ZOptionalId, ZPageQuery, ZSearchText, zPage } from '../presenters/page';
import { presentTenant, ZTenantItem } from '../presenters/tenant';

export const ZListTenantsQuery = ZPageQuery.extend({ q: ZSearchText.optional(), unitId: ZOptionalId });

/**
 * Tenants with contact data and whether surveys reach them (opted out, by their own wish, erased):
 * admin, contact centre and quality only (others 403).
 */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/tenants',
    {
      config: personalData,
      schema: { tags: ['tenants'], querystring: ZListTenantsQuery, response: { 200: zPage(ZTenantItem) } },
    },
    async (request) => {
      const actor = actorOf(request);
      const result = await listTenants({ db: ctx.db, actor, ...request.query });
      return presentPage(result, request.query, (row) => presentTenant(row, actor));
    },
  );
}
