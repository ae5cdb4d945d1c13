import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fromProjectRoot } from '../lib/project-root';

const webRoot = fromProjectRoot('dist', 'web');

/**
 * The staff SPA, built by Vite into dist/web. Other GET paths fall back to index.html so deep
 * links work; unknown /api and /s paths keep answering the JSON 404 of the error handler.
 * (A catch-all route rather than a second not-found handler: errors.ts owns that one.)
 */
export async function serveStaffApp(app: FastifyInstance) {
  if (!existsSync(webRoot)) {
    app.log.warn('dist/web is missing: run `npm run build:web` (npm start does this for you)');
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/s/')) {
      return reply.status(404).send({ error: 'not_found', message: `No route ${request.method} ${path}` });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
