import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJob, buildTeam, buildTenant, buildUnit } from '../test/factories';
import { signedInHeaders, startHarness, type TestHarness } from '../test/harness';
import { buildSentInvitation } from '../test/survey-factories';

let h: TestHarness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  const team = await buildTeam(h.ctx.db);
  const unit = await buildUnit(h.ctx.db);
  for (let i = 0; i < 12; i++) {
    const tenant = await buildTenant(h.ctx.db, { unitId: unit.id });
    const job = await buildJob(h.ctx.db, { teamId: team.id, unitId: unit.id, tenantId: tenant.id });
    if (i === 0) token = (await buildSentInvitation(h.ctx.db, h.ctx.secret, job)).token;
  }
});
afterAll(async () => h?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, headers });

describe('answers built per request', () => {
  it('send the survey page brotli- or gzip-compressed when asked, and plain when not', async () => {
    const plain = await get(`/s/${token}`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<form');

    const br = await get(`/s/${token}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('no-store');
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);

    const gzip = await get(`/s/${token}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });

  it("send the staff app's API answers compressed when asked", async () => {
    const headers = await signedInHeaders(h, 'admin');
    const plain = await get('/api/v1/jobs', headers);
    expect(plain.statusCode).toBe(200);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await get('/api/v1/jobs', { ...headers, 'accept-encoding': 'br, gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
  });

  it('leave small answers (under 1 KB) alone', async () => {
    const res = await get('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
