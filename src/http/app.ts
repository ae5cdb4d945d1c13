import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppContext } from '../context';
import { limitRequestsPerActor } from './actor-rate-limit';
import { installAuthentication } from './authenticate';
import { compressResponses } from './compression';
import { ClientError, installErrorHandler } from './errors';
import { registerRoutes } from './routes';
import { serveStaffApp } from './staff-app';
import { registerSurveyPages, type SurveyPagesOptions } from './survey/plugin';

export interface BuildAppOptions {
  ctx: AppContext;
  /** readiness as /healthz reports it (migrations ran, worker up) */
  isReady?: () => boolean;
  logger?: boolean | object;
  /** serve the built staff app from dist/web (off in most tests) */
  serveWeb?: boolean;
  /** the survey pages' rate limit (tests lower it) */
  surveyPages?: SurveyPagesOptions;
}

function trustProxySetting(value: boolean | number | string) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

/**
 * PostgreSQL cannot store NUL in text, and no person types one: refuse it at the door with a 400,
 * in the address (query) and in JSON bodies, before anything reaches the database.
 */
function rejectNulCharacters(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!/%00/.test(request.url)) return;
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const issues = [...query.entries()]
      .filter(([key, value]) => key.includes('\0') || value.includes('\0'))
      .map(([key]) => ({
        field: `querystring.${key.replaceAll('\0', '')}`,
        message: 'may not contain NUL characters',
      }));
    const message = issues.length
      ? issues.map((i) => `${i.field}: ${i.message}`).join('; ')
      : 'The address contains a NUL character (%00).';
    throw new ClientError(400, message, issues.length ? { issues } : undefined);
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).includes('\\u0000')) {
      done(new ClientError(400, 'Text may not contain NUL characters (\\u0000).'), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}

/** Security headers; the staff app uses inline style attributes (Mantine), nothing else inline. */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // the organisation's logo may live on another host
  crossOriginEmbedderPolicy: false,
} satisfies HelmetOptions;

/**
 * Every response carries helmet's headers (also 404s and errors after this hook). helmet works out
 * its header values once, when its middleware is built, so one middleware serves every request
 * (@fastify/helmet built it again per request: a tenth of a survey page view's CPU). A route that
 * needs a policy of its own sets the header itself (`reply.header` wins), as no route does today;
 * src/http/security-headers.test.ts keeps the headers as they were.
 */
function setSecurityHeaders(app: FastifyInstance) {
  const middleware = helmet(HELMET_OPTIONS);
  app.addHook('onRequest', (request, reply, done) => {
    middleware(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // small by default (sign-in, settings); the batch API raises it per route, imports stream as multipart
    bodyLimit: 1024 * 1024,
    // the client address keys the login rate limit: only trusted proxies may set X-Forwarded-For
    trustProxy: trustProxySetting(opts.ctx.config.TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  rejectNulCharacters(app);

  setSecurityHeaders(app);
  await app.register(cookie, { secret: opts.ctx.secret });
  await app.register(rateLimit, { global: false });
  await compressResponses(app); // before the routes: it hooks each route as it is added
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'achtplus API',
        version: '1',
        description: 'Jobs, master data and results of achtplus.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const isReady = opts.isReady ?? (() => true);
  app.get('/healthz', { schema: { hide: true } }, async (_req, reply) =>
    isReady() ? { status: 'ok' } : reply.status(503).send({ status: 'starting' }),
  );

  await installAuthentication(app, opts.ctx);
  limitRequestsPerActor(app, opts.ctx.config); // after authentication: it counts per actor
  await registerRoutes(app, opts.ctx);
  // the tenant's survey pages (/s/…): outside /api, before the staff app's fallback
  await registerSurveyPages(app, opts.ctx, opts.surveyPages);
  if (opts.serveWeb) await serveStaffApp(app);
  return app;
}
