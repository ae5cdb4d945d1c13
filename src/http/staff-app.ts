import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { fromProjectRoot } from '../lib/project-root';

const webRoot = fromProjectRoot('dist', 'web');

/**
 * The staff SPA, built by Vite into dist/web. Other GET paths fall back to index.html so deep
 * links work; unknown /api, /s and /assets paths keep answering the JSON 404 of the error handler.
 * (A catch-all route rather than a second not-found handler: errors.ts owns that one.)
 */
export async function serveStaffApp(app: FastifyInstance, root = webRoot) {
  if (!existsSync(root)) {
    app.log.warn('dist/web is missing: run `npm run build:web` (npm start does this for you)');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    // the build writes .br and .gz beside each file (vite.config.ts): sent as the browser asks
    preCompressed: true,
    setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(root, path)),
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // an asset that is not there (a tab opened before a release asks for an old chunk) is a 404,
    // not index.html: HTML as a script only fails in a more puzzling way
    if (path.startsWith('/api/') || path.startsWith('/s/') || path.startsWith('/assets/')) {
      return reply.status(404).send({ error: 'not_found', message: `No route ${request.method} ${path}` });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}

/**
 * Vite names everything in assets/ by its content's hash, so a file there never changes: the
 * browser keeps it for a year without asking again. index.html (and anything else) names those
 * files and is revalidated on every visit (ETag → 304), so a release reaches everyone at once.
 */
function cacheControlFor(root: string, path: string) {
  return path.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
