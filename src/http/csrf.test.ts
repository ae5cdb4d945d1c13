import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../domain/api-keys/create-api-key';
import { systemActor } from '../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../test/harness';

let h: TestHarness;
let cookie: string;
beforeAll(async () => {
  h = await startHarness();
  cookie = (await signedInAs(h, 'employee')).cookie;
});
afterAll(async () => h?.close());

const patchMe = (headers: Record<string, string>) =>
  h.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: { cookie, ...headers },
    payload: { locale: 'en' },
  });

describe('CSRF protection of cookie-authenticated writes', () => {
  it('refuses a write without Origin or Referer with a clear message', async () => {
    const res = await patchMe({});
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(
      /must carry an Origin header.*only at http:\/\/localhost:3000 \(PUBLIC_URL\)/,
    );
  });

  it.each([
    'https://evil.example',
    'http://localhost:3000.evil.example',
    'http://localhost:3001',
    'https://localhost:3000',
    'null',
  ])('refuses a write from origin %s', async (origin) => {
    const res = await patchMe({ origin });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/Cross-site request refused.*PUBLIC_URL/);
  });

  it('refuses a foreign Referer when Origin is missing, and a foreign Origin whatever the Referer says', async () => {
    expect((await patchMe({ referer: 'https://evil.example/page' })).statusCode).toBe(403);
    expect(
      (await patchMe({ origin: 'https://evil.example', referer: 'http://localhost:3000/' })).statusCode,
    ).toBe(403);
  });

  it('lets the staff app write (Origin, or a same-origin Referer)', async () => {
    expect((await patchMe({ origin: 'http://localhost:3000' })).statusCode).toBe(200);
    expect((await patchMe({ referer: 'http://localhost:3000/instellingen?tab=1' })).statusCode).toBe(200);
  });

  it('does not get in the way of reads', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(200);
  });

  it('exempts Bearer API-key requests, which browsers never send by themselves', async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: ['jobs:write'],
    });
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/no-such-route',
      headers: { authorization: `Bearer ${key.token}` },
      payload: {},
    });
    expect(res.statusCode).toBe(404);
  });

  it('answers 401 (not 403) to a write without any credentials', async () => {
    const res = await h.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' } });
    expect(res.statusCode).toBe(401);
  });
});
