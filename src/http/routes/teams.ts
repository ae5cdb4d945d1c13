import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { getTeam } from '../../domain/teams/get-team';
import { listDepartments } from '../../domain/teams/list-departments';
import { listRegions } from '../../domain/teams/list-regions';
import { listTeams } from '../../domain/teams/list-teams';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { presentDepartment, presentRegion, ZDepartment, ZRegion } from '../presenters/organisation-structure';
import { presentPage, ZIdParams, ZOptionalId, ZPageQuery, ZSearchText, zPage } from '../presenters/page';
import { presentTeam, presentTeamDetail, ZTeamDetail, ZTeamItem } from '../presenters/team';

export const ZListTeamsQuery = ZPageQuery.extend({
  q: ZSearchText.optional(),
  departmentId: ZOptionalId,
});

/** The organisation's structure: departments, regions and regional teams. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisation'];

  r.get(
    '/api/v1/departments',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZDepartment) }) } } },
    async (request) => ({
      items: (await listDepartments({ db: ctx.db, actor: actorOf(request) })).map(presentDepartment),
    }),
  );

  r.get(
    '/api/v1/regions',
    { schema: { tags, response: { 200: z.object({ items: z.array(ZRegion) }) } } },
    async (request) => ({
      items: (await listRegions({ db: ctx.db, actor: actorOf(request) })).map(presentRegion),
    }),
  );

  r.get(
    '/api/v1/teams',
    { schema: { tags, querystring: ZListTeamsQuery, response: { 200: zPage(ZTeamItem) } } },
    async (request) => {
      const result = await listTeams({ db: ctx.db, actor: actorOf(request), ...request.query });
      return presentPage(result, request.query, presentTeam);
    },
  );

  r.get(
    '/api/v1/teams/:id',
    { schema: { tags, params: ZIdParams, response: { 200: ZTeamDetail } } },
    async (request) => {
      const team = await getTeam({ db: ctx.db, actor: actorOf(request), id: request.params.id }).catch(
        forbiddenAs(404),
      );
      if (!team) throw notFound('Team not found');
      return presentTeamDetail(team);
    },
  );
}
