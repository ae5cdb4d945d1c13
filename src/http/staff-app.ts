import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** The staff SPA, built by Vite into dist/web; unknown non-API paths fall back to index.html. */
export async function serveStaffApp(app: FastifyInstance) {
  if (!existsSync(webRoot)) {
    app.log.warn('dist/web is missing: run `npm run build:web` (npm start does this for you)');
    return;
  }
  await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/s/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({ error: 'not_found', message: `No route ${request.method} ${path}` });
  });
}
