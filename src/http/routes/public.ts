import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { getLoginInfo } from '../../domain/organisation/get-login-info';

const ZLoginInfo = z.object({
  organisation: z.object({ name: z.string(), logoUrl: z.string().nullable(), primaryColor: z.string() }),
  demo: z.boolean(),
  demoLogins: z.array(z.object({ email: z.string(), label: z.string() })),
  demoPassword: z.string().optional(),
});

/** What anyone may read without signing in: the login page's branding (and demo logins on a demo install). */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/login-info',
    {
      schema: {
        tags: ['public'],
        summary: 'Branding and demo logins for the login page',
        security: [],
        response: { 200: ZLoginInfo },
      },
    },
    async () => getLoginInfo({ db: ctx.db }),
  );
}
