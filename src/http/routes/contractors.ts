import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { contractorCategories } from '../../db/schema';
import { getContractor } from '../../domain/contractors/get-contractor';
import { listContractors } from '../../domain/contractors/list-contractors';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { personalData } from '../personal-data';
import {
  presentContractor,
  presentContractorDetail,
  ZContractorDetail,
  ZContractorItem,
} from '../presenters/contractor';
import { presentPage, ZIdParams, ZPageQuery, ZSearchText, zPage } from '../presenters/page';

export const ZListContractorsQuery = ZPageQuery.extend({
  q: ZSearchText.optional(),
  category: z.enum(contractorCategories).optional(),
});

export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contractors'];

  r.get(
    '/api/v1/contractors',
    { schema: { tags, querystring: ZListContractorsQuery, response: { 200: zPage(ZContractorItem) } } },
    async (request) => {
      const result = await listContractors({ db: ctx.db, actor: actorOf(request), ...request.query });
      return presentPage(result, request.query, presentContractor);
    },
  );

  r.get(
    '/api/v1/contractors/:id',
    // its contact persons' e-mail and phone; the list names companies only
    { config: personalData, schema: { tags, params: ZIdParams, response: { 200: ZContractorDetail } } },
    async (request) => {
      const contractor = await getContractor({
        db: ctx.db,
        actor: actorOf(request),
        id: request.params.id,
      }).catch(forbiddenAs(404));
      if (!contractor) throw notFound('Contractor not found');
      return presentContractorDetail(contractor);
    },
  );
}
