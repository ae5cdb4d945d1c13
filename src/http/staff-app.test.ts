import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OutputBundle } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../vite.config';
import { compressResponses } from './compression';
import { serveStaffApp } from './staff-app';

const root = mkdtempSync(join(tmpdir(), 'achtplus-web-'));
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{id:${i},label:"row ${i}"}`).join(',')}];\n`;
const index =
  '<!doctype html><html lang="nl"><head><meta charset="UTF-8"><title>achtplus</title>' +
  '<script type="module" crossorigin src="/assets/app-Abc123.js"></script></head><body><div id="root"></div></body></html>';
let app: FastifyInstance;

/** A build as Vite leaves it: index.html, a content-hashed script, and the plugin's .br and .gz. */
async function fakeBuild() {
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), index);
  writeFileSync(join(root, 'assets', 'app-Abc123.js'), script);
  writeFileSync(join(root, 'assets', 'tiny-Def456.js'), 'export{}');
  const plugin = precompress() as unknown as {
    configResolved: (config: { root: string; build: { outDir: string } }) => void;
    writeBundle: (options: unknown, bundle: OutputBundle) => Promise<void>;
  };
  plugin.configResolved({ root: '/elsewhere', build: { outDir: root } });
  const bundle = { 'index.html': {}, 'assets/app-Abc123.js': {}, 'assets/tiny-Def456.js': {} };
  await plugin.writeBundle({}, bundle as unknown as OutputBundle);
}

beforeAll(async () => {
  await fakeBuild();
  app = Fastify();
  await compressResponses(app);
  await serveStaffApp(app, root);
  await app.ready();
});
afterAll(async () => app?.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('the staff app as the server sends it', () => {
  it('has the build write a brotli and a gzip copy beside each file, where it saves bytes', () => {
    const file = join(root, 'assets', 'app-Abc123.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(script.length / 3);
    expect(existsSync(join(root, 'index.html.br'))).toBe(true);
    expect(existsSync(join(root, 'assets', 'tiny-Def456.js.br'))).toBe(false);
  });

  it('sends a content-hashed file immutable, for a year, compressed as the browser asks', async () => {
    const br = await get('/assets/app-Abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/app-Abc123.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/app-Abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);
  });

  it('sends index.html, also for a deep link, to be revalidated on every visit (never immutable)', async () => {
    for (const url of ['/', '/index.html', '/jobs/12']) {
      const res = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(index);
      const again = await get(url, {
        'accept-encoding': 'br, gzip',
        'if-none-match': String(res.headers.etag),
      });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('answers 404 for an asset that is not there instead of index.html', async () => {
    const res = await get('/assets/app-Old999.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
