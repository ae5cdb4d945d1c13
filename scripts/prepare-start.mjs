// npm start: build what is stale, then the server starts from plain JavaScript.
// - the staff app (Vite → dist/web) when its sources are newer than the last build;
// - the server (esbuild → dist/server/main.mjs) likewise: starting from one bundle instead of
//   transpiling a few hundred TypeScript files on every start keeps a restart within seconds.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs);
};
const stale = (output, ...inputs) =>
  !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map(newest));

if (stale('dist/web/index.html', 'web', 'vite.config.ts', 'package-lock.json', 'scripts/prepare-start.mjs')) {
  console.log('Building the staff app…');
  // always React's production build: started from a test runner (NODE_ENV=test, as the browser
  // journeys do) Vite would otherwise build React's development version, slower and larger
  execSync('npx vite build --logLevel warn', {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

if (
  process.argv.includes('--server') &&
  stale('dist/server/main.mjs', 'src', 'package-lock.json', 'tsconfig.json')
) {
  console.log('Building the server…');
  const { build } = await import('esbuild');
  await build({
    entryPoints: { main: 'src/main.ts' },
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}
