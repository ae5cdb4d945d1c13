import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInHeaders, startHarness, type TestHarness } from '../test/harness';

let h: TestHarness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInHeaders(h, 'admin');
});
afterAll(async () => h?.close());

type Operation = { parameters?: Array<{ in: string; name: string }> };

describe('deep pages', () => {
  it('every paged list of the API refuses page × pageSize beyond 10,000 with a 400 naming querystring.page', async () => {
    const paths = (await h.app.inject({ url: '/api/openapi.json' })).json().paths as Record<
      string,
      Record<string, Operation>
    >;
    const lists = Object.entries(paths)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'page'))
      .map(([path]) => path);
    expect(lists).toEqual(expect.arrayContaining(['/api/v1/jobs', '/api/v1/responses', '/api/v1/tenants']));
    for (const path of lists) {
      const deepest = await h.app.inject({ url: `${path}?page=50&pageSize=200`, headers: admin });
      expect([path, deepest.statusCode]).toEqual([path, 200]);
      const tooDeep = await h.app.inject({ url: `${path}?page=1000000&pageSize=200`, headers: admin });
      expect([path, tooDeep.statusCode, tooDeep.json().issues?.[0]?.field]).toEqual([
        path,
        400,
        'querystring.page',
      ]);
    }
    expect(lists.length).toBeGreaterThanOrEqual(10);
  });
});
