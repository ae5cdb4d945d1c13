import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '../domain/api-keys/create-api-key';
import { systemActor } from '../policy/actor';
import { signedInHeaders, startHarness, type TestHarness } from '../test/harness';
import { RequestBuckets } from './actor-rate-limit';
import { buildApp } from './app';

describe('RequestBuckets', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('lets a minute’s allowance pass at once, then says how long to wait, and recovers', () => {
    const c = clock();
    const buckets = new RequestBuckets(c.now);
    for (let i = 0; i < 5; i++) expect(buckets.take('user:a', 5)).toBe(0);
    expect(buckets.take('user:a', 5)).toBe(12); // 5 a minute: one more every 12 s
    c.advance(11_999);
    expect(buckets.take('user:a', 5)).toBe(1);
    c.advance(1);
    expect(buckets.take('user:a', 5)).toBe(0);
    expect(buckets.take('user:a', 5)).toBeGreaterThan(0);
    c.advance(60_000);
    for (let i = 0; i < 5; i++) expect(buckets.take('user:a', 5)).toBe(0);
    expect(buckets.take('user:a', 5)).toBeGreaterThan(0);
  });

  it('keeps every key apart and forgets the idle ones', () => {
    const c = clock();
    const buckets = new RequestBuckets(c.now);
    for (let i = 0; i < 3; i++) buckets.take('user:a', 3);
    expect(buckets.take('user:a', 3)).toBeGreaterThan(0);
    expect(buckets.take('user:b', 3)).toBe(0);
    expect(buckets.take('api_key:1', 3)).toBe(0);
    expect(buckets.size).toBe(3);
    c.advance(60_000);
    expect(buckets.take('user:c', 3)).toBe(0);
    expect(buckets.size).toBe(1);
  });
});

describe('the per-actor request limit of the API', () => {
  let h: TestHarness;
  let app: FastifyInstance;
  beforeAll(async () => {
    h = await startHarness();
    const config = { ...h.ctx.config, USER_REQUESTS_PER_MINUTE: 3, API_KEY_REQUESTS_PER_MINUTE: 4 };
    app = await buildApp({ ctx: { ...h.ctx, config } });
    await app.ready();
    // only Date is faked: the limiter's clock, nothing the database or the server waits on
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterAll(async () => {
    vi.useRealTimers();
    await app?.close();
    await h?.close();
  });

  const get = (headers: Record<string, string>) => app.inject({ url: '/api/v1/me', headers });
  const apiKey = async () => {
    const key = await createApiKey({
      db: h.ctx.db,
      actor: systemActor('test'),
      name: 'erp',
      scopes: ['jobs:read'],
    });
    return { authorization: `Bearer ${key.token}` };
  };

  it('answers 429 with Retry-After after the limit, and lets the user in again after it', async () => {
    const user = await signedInHeaders(h, 'admin');
    for (let i = 0; i < 3; i++) expect((await get(user)).statusCode).toBe(200);
    const refused = await get(user);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('20'); // 3 a minute: one every 20 s
    expect(refused.json()).toMatchObject({
      error: 'rate_limited',
      message: expect.stringContaining('3 a minute'),
    });
    vi.setSystemTime(Date.now() + 20_000);
    expect((await get(user)).statusCode).toBe(200);
    expect((await get(user)).statusCode).toBe(429);
  });

  it('counts each user and each API key on its own, with the API keys’ own limit', async () => {
    const first = await signedInHeaders(h, 'quality');
    const second = await signedInHeaders(h, 'quality');
    for (let i = 0; i < 3; i++) await get(first);
    expect((await get(first)).statusCode).toBe(429);
    expect((await get(second)).statusCode).toBe(200);

    const key = await apiKey();
    const jobs = () => app.inject({ url: '/api/v1/jobs', headers: key });
    for (let i = 0; i < 4; i++) expect((await jobs()).statusCode).toBe(200);
    const refused = await jobs();
    expect([refused.statusCode, refused.headers['retry-after']]).toEqual([429, '15']);
    expect((await app.inject({ url: '/api/v1/jobs', headers: await apiKey() })).statusCode).toBe(200);
  });

  it('leaves requests without an actor alone: they answer 401 however many come', async () => {
    for (let i = 0; i < 10; i++) expect((await app.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
  });
});
