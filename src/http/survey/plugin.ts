import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import { DEFAULT_ORGANISATION } from '../../domain/organisation/organisation-settings';
import { ClientError } from '../errors';
import { registerSurveyAssets } from './assets';
import { acceptForms, SURVEY_BODY_LIMIT } from './form-body';
import { renderMessage } from './pages';
import { previewRoute } from './preview';
import { surveyRoutes } from './routes';
import { localeOf, textsFor } from './texts';

export interface SurveyPagesOptions {
  /** requests per address per minute, for reading pages and for writing answers (each) */
  requestsPerMinute?: number;
}

/**
 * The public survey pages under /s (outside /api, before the staff app's fallback): the tenant's
 * page, its submission and unsubscribe, the editor's preview, and the page's script. Own scope:
 * HTML form bodies (small), a rate limit per address, no caching and no referrer (the token is
 * in the address), friendly HTML pages for every refusal instead of the API's JSON.
 */
export async function registerSurveyPages(
  app: FastifyInstance,
  ctx: AppContext,
  opts: SurveyPagesOptions = {},
) {
  await app.register(registerSurveyAssets);
  await app.register(async (scope) => {
    acceptForms(scope);
    scope.addHook('onRoute', (route) => {
      route.bodyLimit = SURVEY_BODY_LIMIT;
    });
    scope.addHook('onRequest', async (request, reply) => {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      reply.header('x-robots-tag', 'noindex');
      refuseForeignOrigin(request, ctx.config.allowedOrigins);
    });
    const limit = () =>
      scope.rateLimit({
        max: opts.requestsPerMinute ?? 60,
        timeWindow: 60_000,
        errorResponseBuilder: () => new ClientError(429, 'Too many requests'),
      });
    const limits = { read: limit(), write: limit() };
    scope.setErrorHandler((err: FastifyError, request, reply) => friendlyError(ctx, err, request, reply));
    await surveyRoutes(scope, ctx, limits);
    await previewRoute(scope, ctx, limits.read);
  });
}

/**
 * The link's token is the capability, so a forged cross-site post gains nothing without it; still,
 * a post that names another origin is refused. Our own pages send `Origin: null` (their referrer
 * policy is no-referrer) and the mail client's one-click unsubscribe sends none: both pass.
 */
function refuseForeignOrigin(request: FastifyRequest, allowedOrigins: readonly string[]) {
  if (request.method !== 'POST') return;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  if (!allowedOrigins.includes(origin)) throw new ClientError(403, 'Cross-site request refused');
}

const known = new Set([400, 401, 403, 404, 405, 406, 413, 415, 429]);

/** Every refusal as a page in the tenant's language (JSON for the script's draft saving). */
async function friendlyError(
  ctx: AppContext,
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const status = err.statusCode && known.has(err.statusCode) ? err.statusCode : 500;
  if (status === 500) request.log.error({ err }, 'survey page failed');
  if (status === 429) reply.header('retry-after', '60');
  if (request.url.split('?')[0]!.endsWith('/draft'))
    return reply.status(status).send({
      error: status === 500 ? 'internal_error' : 'refused',
      message: status === 500 ? 'Something went wrong on our side.' : err.message,
    });
  const locale = localeOf((request.query as { lang?: string } | undefined)?.lang) ?? 'nl';
  const t = textsFor(locale);
  const [title, text] =
    status === 429
      ? [t.tooManyTitle, t.tooManyText]
      : status === 413
        ? [t.tooLargeTitle, t.tooLargeText]
        : status === 500
          ? [t.badTitle, t.errorText]
          : [t.badTitle, t.badText];
  const org = await ctx.survey.branding.get().catch(() => DEFAULT_ORGANISATION);
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(renderMessage({ locale, org, title, text }));
}
