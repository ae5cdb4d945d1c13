import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { userRoles, type users } from '../../db/schema';
import { createUser } from '../../domain/users/create-user';
import { listUsers } from '../../domain/users/list-users';
import { updateUser } from '../../domain/users/update-user';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';
import { ZPageQuery, ZSearchText, zPage } from '../presenters/page';

export const ZUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  employeeId: z.number().nullable(),
  contractorContactId: z.number().nullable(),
  locale: z.enum(['nl', 'en']),
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const presentUser = (u: typeof users.$inferSelect): z.infer<typeof ZUser> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  employeeId: u.employeeId,
  contractorContactId: u.contractorContactId,
  locale: u.locale,
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

const ZId = z.number().int().positive();
export const ZCreateUser = z.object({
  email: z.email('must be an e-mail address'),
  name: z.string().trim().min(1, 'is required').max(200),
  role: z.enum(userRoles),
  employeeId: ZId.nullish(),
  contractorContactId: ZId.nullish(),
  // without one the user signs in by magic link
  password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
  locale: z.enum(['nl', 'en']).optional(),
});
export const ZUpdateUser = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    role: z.enum(userRoles),
    employeeId: ZId.nullable(),
    contractorContactId: ZId.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .strict();
const ZListQuery = ZPageQuery.extend({ q: ZSearchText.optional() });

/** Accounts, for admins: find, create (with or without password), change role, links, disable. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];
  r.get(
    '/api/v1/users',
    {
      config: personalData,
      schema: {
        tags,
        summary: 'List users (admin)',
        querystring: ZListQuery,
        response: { 200: zPage(ZUser) },
      },
    },
    async (request) => {
      const result = await listUsers({ db: ctx.db, actor: actorOf(request), ...request.query });
      return { ...result, items: result.items.map(presentUser) };
    },
  );
  r.post(
    '/api/v1/users',
    {
      config: personalData,
      schema: { tags, summary: 'Create a user (admin)', body: ZCreateUser, response: { 201: ZUser } },
    },
    async (request, reply) => {
      const user = await createUser({ db: ctx.db, actor: actorOf(request), ...request.body });
      return reply.status(201).send(presentUser(user));
    },
  );
  r.patch(
    '/api/v1/users/:id',
    {
      config: personalData,
      schema: {
        tags,
        summary: 'Change a user (admin)',
        params: z.object({ id: z.string().min(1) }),
        body: ZUpdateUser,
        response: { 200: ZUser },
      },
    },
    async (request) =>
      presentUser(
        await updateUser({
          db: ctx.db,
          actor: actorOf(request),
          id: request.params.id,
          changes: request.body,
        }),
      ),
  );
}
