import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isAllowedOrigin, ORIGIN_NOT_ALLOWED, originRefusal } from '../auth/origins';
import { resolveSessionActor } from '../auth/session-actor';
import type { TConfig } from '../config';
import type { AppContext } from '../context';
import { authenticateApiKey } from '../domain/api-keys/authenticate-api-key';
import type { Actor } from '../policy/actor';
import { ForbiddenError } from '../policy/policy';
import { ClientError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Resolves who is asking, from a Bearer API key or a session cookie, before any /api/v1 route.
 * Without credentials every /api/v1 call answers 401.
 */
export async function installAuthentication(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1')) return;
    request.actor = await resolveActor(request, ctx);
    if (!request.actor)
      throw new ClientError(401, 'Sign in or send a valid API key (Authorization: Bearer …).');
    if (request.actor.kind === 'user') refuseCrossSiteWrite(request, ctx.config);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie sessions: a browser always sends Origin (or at least Referer) on a
 * write, so a write whose origin is missing or not one of the install's own did not come from the
 * staff app. Bearer keys are not sent by browsers on their own and need no such check.
 */
function refuseCrossSiteWrite(request: FastifyRequest, config: TConfig) {
  if (SAFE_METHODS.has(request.method)) return;
  const claimed = request.headers.origin ?? request.headers.referer;
  if (isAllowedOrigin(config, claimed)) return;
  throw new ClientError(403, originRefusal(config, claimed), {
    code: ORIGIN_NOT_ALLOWED,
    allowedOrigins: config.allowedOrigins,
  });
}

async function resolveActor(request: FastifyRequest, ctx: AppContext): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer '))
    return authenticateApiKey({ db: ctx.db, token: header.slice(7).trim(), ip: request.ip });
  return resolveSessionActor(request, ctx);
}

/** The actor of an /api/v1 request; the onRequest hook guarantees one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ClientError(401, 'Not signed in.');
  return request.actor;
}

/** For routes: a policy refusal on a single row reads as 404, elsewhere as 403. */
export function forbiddenAs(status: 403 | 404) {
  return (err: unknown) => {
    if (err instanceof ForbiddenError)
      throw new ClientError(status, status === 404 ? 'Not found' : err.message);
    throw err;
  };
}
