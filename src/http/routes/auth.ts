import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance } from 'fastify';
import { CLIENT_IP_HEADER } from '../../auth/auth';
import type { AppContext } from '../../context';
import { personalData } from '../personal-data';

/** better-auth's own endpoints (sign-in, sign-out, magic link, password reset) under /api/auth. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    // the session answer names the signed-in user and their e-mail address
    config: personalData,
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, ctx.config.publicUrl);
      const headers = fromNodeHeaders(request.headers);
      // rate limiting keys on this address; a client must not be able to choose it
      headers.set(CLIENT_IP_HEADER, request.ip);
      const body = request.body === undefined ? undefined : JSON.stringify(request.body);
      const response = await ctx.auth.handler(new Request(url, { method: request.method, headers, body }));
      reply.status(response.status);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      return reply.send(response.body ? await response.text() : null);
    },
  });
}
