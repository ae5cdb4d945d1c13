import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../domain/api-keys/create-api-key';
import { systemActor } from '../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('authentication of /api/v1', () => {
  it('answers 401 without credentials', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/anything' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthenticated');
  });

  it('answers 401 for an unknown API key', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/anything',
      headers: { authorization: 'Bearer ak_nope_nope' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('passes a valid API key and a signed-in user on to routing', async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: ['jobs:read'],
    });
    const byKey = await h.app.inject({
      method: 'GET',
      url: '/api/v1/anything',
      headers: { authorization: `Bearer ${key.token}` },
    });
    expect(byKey.statusCode).toBe(404);
    const { cookie } = await signedInAs(h, 'admin');
    const bySession = await h.app.inject({ method: 'GET', url: '/api/v1/anything', headers: { cookie } });
    expect(bySession.statusCode).toBe(404);
  });

  it('refuses a wrong password through the HTTP sign-in', async () => {
    const { email } = await signedInAs(h, 'employee');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: { email, password: 'wrong password here' },
    });
    expect(res.statusCode).toBe(401);
    const ok = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      payload: { email, password: 'correct horse battery staple' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['set-cookie']).toBeDefined();
  });
});

describe('security headers', () => {
  it('forbids framing and foreign scripts', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
