import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { getLoginInfo } from '../../domain/organisation/get-login-info';

export const ZLoginInfo = z.object({
  organisation: z.object({ name: z.string(), logoUrl: z.string().nullable(), primaryColor: z.string() }),
  demo: z.boolean(),
  demoLogins: z.array(z.object({ email: z.string(), label: z.string() })),
  demoPassword: z.string().optional(),
  /** on a demo whose accounts may not sign in here (a real PUBLIC_URL, another machine): why not */
  demoSignInRefused: z.string().optional(),
});

/** What anyone may read without signing in: the login page's branding (and demo logins on a demo install). */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/public/login-info',
    {
      schema: {
        tags: ['public'],
        summary: 'Branding, whether this is the demo, and the demo logins where they work',
        security: [],
        response: { 200: ZLoginInfo },
      },
    },
    async (request) => getLoginInfo({ db: ctx.db, config: ctx.config, clientIp: request.ip }),
  );
}
