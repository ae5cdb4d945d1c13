import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { userRoles } from '../../db/schema';
import { changeOwnLocale } from '../../domain/users/change-own-locale';
import { getOwnProfile } from '../../domain/users/get-own-profile';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';

const ZLocale = z.enum(['nl', 'en']);
export const ZMe = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(userRoles),
  locale: ZLocale,
  employeeId: z.number().nullable(),
  contractorId: z.number().nullable(),
  contractorContactId: z.number().nullable(),
  ledTeamIds: z.array(z.number()),
  abilities: z.array(z.string()),
});
export const ZUpdateMe = z.object({ locale: ZLocale }).strict();

/** The signed-in person: who they are, what the app may offer them, their language. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/me',
    {
      config: personalData,
      schema: { tags: ['me'], summary: 'The signed-in user and their abilities', response: { 200: ZMe } },
    },
    async (request) => getOwnProfile({ db: ctx.db, actor: actorOf(request) }),
  );
  r.patch(
    '/api/v1/me',
    {
      config: personalData,
      schema: { tags: ['me'], summary: 'Change your own language', body: ZUpdateMe, response: { 200: ZMe } },
    },
    async (request) => {
      const actor = actorOf(request);
      await changeOwnLocale({ db: ctx.db, actor, locale: request.body.locale });
      return getOwnProfile({ db: ctx.db, actor });
    },
  );
}
