import type { FastifyInstance } from 'fastify';

type Headers = Array<[name: string, value: number | string | string[]]>;

/**
 * The app's security headers (helmet, configured in app.ts) on the survey pages, at a fraction of
 * the cost. @fastify/helmet builds helmet's middleware again for every request, which was a tenth
 * of a page view's CPU; its headers never change from one request to the next. So the survey
 * routes skip the per-request build and set the headers that helmet itself set on the first
 * request (through `reply.helmet()`, the plugin's own way to apply them), from memory after. This
 * holds while app.ts uses no CSP nonces (a policy per request); a test compares the survey page's
 * headers with another route's, so a change there shows here.
 */
export function securityHeadersOnce(scope: FastifyInstance) {
  let kept: Headers | null = null;
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, helmet: { skipRoute: true } } as typeof route.config;
  });
  scope.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    if (kept) {
      for (const [name, value] of kept) raw.setHeader(name, value);
      return done();
    }
    const before = new Set(raw.getHeaderNames());
    reply.helmet();
    kept = raw
      .getHeaderNames()
      .filter((name) => !before.has(name))
      .map((name) => [name, raw.getHeader(name)!]);
    done();
  });
}
