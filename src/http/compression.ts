import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Answers built per request — the survey pages, the staff app's API JSON, index.html's fallback
 * when no precompressed copy applies — go out brotli- or gzip-compressed when the client asks
 * (Accept-Encoding) and they are at least 1 KB. Brotli at quality 4 (the plugin's default): per
 * request, 11 would cost a survey page view tens of milliseconds; 4 costs a fraction of one and
 * still shrinks an 18 KB survey form to a few KB. Pages under 64 KB are compressed in one call
 * rather than through a stream (`syncThreshold`), which is cheaper for pages this size. The staff
 * app's files are compressed at build time instead (vite.config.ts) and @fastify/static sends
 * those as they are: a response that already has a Content-Encoding is left alone.
 *
 * Must be registered before the routes: it hooks each route as it is added.
 */
export async function compressResponses(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    syncThreshold: 64 * 1024,
  });
}
