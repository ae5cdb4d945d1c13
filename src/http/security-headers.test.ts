import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type TestHarness } from '../test/harness';
import { buildSentInvitationForNewJob } from '../test/survey-factories';
import { SURVEY_JS_PATH } from './survey/assets';

let h: TestHarness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = (await buildSentInvitationForNewJob(h.ctx.db, h.ctx.secret)).token;
});
afterAll(async () => h?.close());

/**
 * The headers helmet set on every route while @fastify/helmet applied them per request (written
 * down from a run before app.ts set them from memory), with app.ts's helmet options.
 */
const HELMET = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';frame-ancestors 'none';img-src 'self' data: https:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';connect-src 'self'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};
const SURVEY_PAGE = { ...HELMET, 'cache-control': 'no-store', 'x-robots-tag': 'noindex' };
const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };
const RATE_LIMIT = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];
/** what differs between runs or changes with unrelated code */
const VARYING = new Set(['date', 'content-length', 'connection', 'last-modified', 'etag', ...RATE_LIMIT]);

const headersOf = (res: { headers: Record<string, unknown> }) =>
  Object.fromEntries(Object.entries(res.headers).filter(([name]) => !VARYING.has(name)));
const get = (url: string) => h.app.inject({ method: 'GET', url });

describe("the app's security headers", () => {
  it('are the same as when helmet set them per request, on API, docs, errors and static files', async () => {
    const expected: Array<[string, number, Record<string, string>]> = [
      ['/healthz', 200, { ...HELMET, ...JSON_TYPE }],
      ['/api/openapi.json', 200, { ...HELMET, ...JSON_TYPE }],
      ['/api/docs', 200, { ...HELMET, ...HTML_TYPE }],
      [
        '/api/docs/static/index.css',
        200,
        {
          ...HELMET,
          'accept-ranges': 'bytes',
          'cache-control': 'public, max-age=0',
          'content-type': 'text/css; charset=utf-8',
        },
      ],
      ['/api/v1/anything', 401, { ...HELMET, ...JSON_TYPE }],
      ['/no-such-page', 404, { ...HELMET, ...JSON_TYPE }],
      // refused before helmet's hook ran (app.ts's NUL check comes first): no security headers
      ['/api/v1/anything?q=%00', 400, JSON_TYPE],
    ];
    for (const [url, status, headers] of expected) {
      const res = await get(url);
      expect([url, res.statusCode, headersOf(res)]).toEqual([url, status, headers]);
    }
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: { email: 'nobody@test.achtplus.invalid', password: 'wrong password here' },
    });
    // better-auth's answers name the user: not kept by any cache (src/http/personal-data.ts)
    expect([signIn.statusCode, headersOf(signIn)]).toEqual([
      401,
      { ...HELMET, ...JSON_TYPE, 'cache-control': 'no-store' },
    ]);
  });

  it('are the same on the survey pages, with their own on top, on every view and on refusals', async () => {
    const path = `/s/${token}`;
    for (const res of [await get(path), await get(path)]) {
      expect([res.statusCode, headersOf(res)]).toEqual([200, { ...SURVEY_PAGE, ...HTML_TYPE }]);
      for (const name of RATE_LIMIT) expect(res.headers[name]).toBeDefined();
    }
    const unknown = await get('/s/not-a-token');
    expect([unknown.statusCode, headersOf(unknown)]).toEqual([404, { ...SURVEY_PAGE, ...HTML_TYPE }]);
    const saved = await h.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'action=save&grade=8',
    });
    expect([saved.statusCode, headersOf(saved)]).toEqual([
      303,
      { ...SURVEY_PAGE, location: `${path}?saved=1` },
    ]);
    const script = await get(SURVEY_JS_PATH);
    expect([script.statusCode, headersOf(script)]).toEqual([
      200,
      {
        ...HELMET,
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
      },
    ]);
  });
});
