import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // the staff app's import of the contract with the server (as in vite.config.ts)
  resolve: { alias: { '@contracts': fileURLToPath(new URL('./src/contracts/index.ts', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    // migrates one database before the files run; each file's database is a copy of it
    globalSetup: ['src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's modules instead of each loading the app (and compiling PGlite's
    // WebAssembly) again: that was most of the suite's time. Each file still has a database of its
    // own; what a file changes in a module (a spy, an env variable, a global) must not outlive it,
    // so vitest undoes spies and stubs after every test.
    isolate: false,
    restoreMocks: true,
    unstubEnvs: true,
    unstubGlobals: true,
    // two cores: one file per core; much of a file's time is waiting (timers, sockets, children)
    maxWorkers: 2,
  },
});
