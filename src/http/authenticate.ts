import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSessionActor } from '../auth/session-actor';
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
    if (request.actor.kind === 'user') refuseCrossSiteWrite(request, ctx.config.publicUrl);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for cookie sessions: a browser always sends Origin (or at least Referer) on a
 * write, so a write whose origin is missing or foreign did not come from the staff app. Bearer keys
 * are not sent by browsers on their own and need no such check.
 */
function refuseCrossSiteWrite(request: FastifyRequest, publicUrl: string) {
  if (SAFE_METHODS.has(request.method)) return;
  const expected = new URL(publicUrl).origin;
  const claimed = request.headers.origin ?? request.headers.referer;
  let origin: string | null = null;
  try {
    origin = claimed && claimed !== 'null' ? new URL(claimed).origin : null;
  } catch {
    origin = null;
  }
  if (origin !== expected) {
    throw new ClientError(
      403,
      claimed
        ? `Cross-site request refused: origin ${claimed} is not ${expected}.`
        : `Cross-site request refused: a signed-in write must carry an Origin header of ${expected}.`,
    );
  }
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
