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
import type { AppContext } from '../context';
import { installAuthentication } from './authenticate';
import { installErrorHandler } from './errors';
import { registerRoutes } from './routes';
import { serveStaffApp } from './staff-app';

export interface BuildAppOptions {
  ctx: AppContext;
  /** readiness as /healthz reports it (migrations ran, worker up) */
  isReady?: () => boolean;
  logger?: boolean | object;
  /** serve the built staff app from dist/web (off in most tests) */
  serveWeb?: boolean;
}

function trustProxySetting(value: boolean | number | string) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 60 * 1024 * 1024,
    // the client address keys the login rate limit: only trusted proxies may set X-Forwarded-For
    trustProxy: trustProxySetting(opts.ctx.config.TRUST_PROXY),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie, { secret: opts.ctx.secret });
  await app.register(rateLimit, { global: false });
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
  await registerRoutes(app, opts.ctx);
  if (opts.serveWeb) await serveStaffApp(app);
  return app;
}
