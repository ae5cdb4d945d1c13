import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside each text file of the build (at the strongest levels:
 * it happens once per build, not per request), so the server sends the staff app compressed
 * without compressing anything while it runs (@fastify/static `preCompressed`, src/http/staff-app.ts).
 * index.html too: the fallback route sends it with sendFile, which picks the copies as well.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'achtplus:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /\.(js|mjs|css|html|svg|json|txt)$/.test(name));
      await Promise.all(
        files.map(async (name) => {
          const path = join(outDir, name);
          const content = await readFile(path);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          // a copy that saves nothing is not written (a few tiny chunks)
          await Promise.all([
            br.length < content.length && writeFile(`${path}.br`, br),
            gz.length < content.length && writeFile(`${path}.gz`, gz),
          ]);
        }),
      );
    },
  };
}

// The staff app lives in web/ and builds into dist/web, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  // the one contract with the server (src/contracts): its enums and the API's response types
  resolve: { alias: { '@contracts': fileURLToPath(new URL('./src/contracts/index.ts', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    // No vendor chunks: measured, a chunk of React and its router (or of Mantine) costs the login
    // page 40–60 KB more brotli than letting them ride, tree-shaken, with the main bundle. The pages
    // are split instead (web/src/routes.tsx).
  },
  server: {
    // `npx vite` during development proxies the API to a server started on API_PORT (default 3000)
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
  },
});
