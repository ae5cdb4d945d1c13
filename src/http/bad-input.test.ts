import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../domain/api-keys/create-api-key';
import { systemActor } from '../policy/actor';
import { signedInAs, startHarness, type TestHarness } from '../test/harness';

let h: TestHarness;
let adminCookie: string;
let writeKey: string;
beforeAll(async () => {
  h = await startHarness();
  adminCookie = (await signedInAs(h, 'admin')).cookie;
  writeKey = (
    await createApiKey({ db: h.ctx.db, actor: systemActor('test'), name: 'erp', scopes: ['jobs:write'] })
  ).token;
});
afterAll(async () => h?.close());

const admin = (method: 'GET' | 'DELETE', url: string) =>
  h.app.inject({ method, url, headers: { cookie: adminCookie, origin: 'http://localhost:3000' } });

describe('bad input answers 400 with a message, never 500', () => {
  it.each([
    '/api/v1/units?city=a%00b',
    '/api/v1/users?q=%00',
    '/api/v1/audit-log?action=x%00',
    '/api/v1/outbox?recipient=%00',
  ])('NUL in the query: %s', async (url) => {
    const res = await admin('GET', url);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(/NUL/);
  });

  it('NUL in a JSON body', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
      payload: '{"externalId":"WO-1\\u0000","journey":"repair"}',
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(/NUL/);
  });

  it.each(['/api/v1/imports/99999999999', '/api/v1/jobs/99999999999'])(
    'an id beyond the integer range: %s',
    async (url) => {
      const res = await admin('GET', url);
      expect([400, 404]).toContain(res.statusCode);
      expect(res.body).not.toMatch(/select|insert|stack/i);
    },
  );

  it('revoking a key with an id beyond the integer range', async () => {
    const res = await admin('DELETE', '/api/v1/api-keys/99999999999');
    expect([400, 404]).toContain(res.statusCode);
  });

  it('broken JSON', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/jobs',
      headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
      payload: '{"externalId": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts/);
  });
});
