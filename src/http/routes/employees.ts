import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { employeeRoles } from '../../db/schema';
import { getEmployee } from '../../domain/employees/get-employee';
import { listEmployees } from '../../domain/employees/list-employees';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { personalData } from '../personal-data';
import {
  presentEmployee,
  presentEmployeeDetail,
  ZEmployeeDetail,
  ZEmployeeItem,
} from '../presenters/employee';
import { presentPage, ZIdParams, ZOptionalId, ZPageQuery, ZSearchText, zPage } from '../presenters/page';

export const ZListEmployeesQuery = ZPageQuery.extend({
  q: ZSearchText.optional(),
  teamId: ZOptionalId,
  role: z.enum(employeeRoles).optional(),
});

export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['employees'];

  r.get(
    '/api/v1/employees',
    { schema: { tags, querystring: ZListEmployeesQuery, response: { 200: zPage(ZEmployeeItem) } } },
    async (request) => {
      const result = await listEmployees({ db: ctx.db, actor: actorOf(request), ...request.query });
      return presentPage(result, request.query, presentEmployee);
    },
  );

  r.get(
    '/api/v1/employees/:id',
    // e-mail and phone, for those who may see them; the list is the staff directory (names, roles)
    { config: personalData, schema: { tags, params: ZIdParams, response: { 200: ZEmployeeDetail } } },
    async (request) => {
      const employee = await getEmployee({
        db: ctx.db,
        actor: actorOf(request),
        id: request.params.id,
      }).catch(forbiddenAs(404));
      if (!employee) throw notFound('Employee not found');
      return presentEmployeeDetail(employee);
    },
  );
}
