import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { getUnit } from '../../domain/units/get-unit';
import { listUnits } from '../../domain/units/list-units';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { registerPageRoute } from '../page-route';
import { personalData } from '../personal-data';
import { ZIdParams, ZOptionalId, ZPageQuery, ZQueryBoolean, ZSearchText } from '../presenters/page';
import { presentUnit, presentUnitDetail, ZUnitDetail, ZUnitItem } from '../presenters/unit';

export const ZListUnitsQuery = ZPageQuery.extend({
  q: ZSearchText.optional(),
  city: z.string().max(100).optional(),
  complexId: ZOptionalId,
  ownersAssociation: ZQueryBoolean.optional(),
});

export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['units'];

  registerPageRoute(app, ctx, {
    url: '/api/v1/units',
    tags,
    querystring: ZListUnitsQuery,
    item: ZUnitItem,
    list: listUnits,
    present: presentUnit,
  });

  r.get(
    '/api/v1/units/:id',
    // the home's recent jobs; the list of homes alone is the housing stock, not personal data
    { config: personalData, schema: { tags, params: ZIdParams, response: { 200: ZUnitDetail } } },
    async (request) => {
      const unit = await getUnit({ db: ctx.db, actor: actorOf(request), id: request.params.id }).catch(
        forbiddenAs(404),
      );
      if (!unit) throw notFound('Unit not found');
      return presentUnitDetail(unit);
    },
  );
}
