import { afterAll, beforeAll } from 'vitest';
import { startHarness, type TestHarness } from './harness';

/**
 * The harness of a test file: started in beforeAll, closed in afterAll (after the file's own
 * afterAll hooks, which vitest runs in reverse). `ctx` and `app` are there once the tests run.
 */
export function harnessForFile(): TestHarness {
  let started: TestHarness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(async () => started?.close());
  const current = () => {
    if (!started) throw new Error('the harness starts in beforeAll; read it inside hooks and tests');
    return started;
  };
  return {
    get ctx() {
      return current().ctx;
    },
    get app() {
      return current().app;
    },
    close: async () => current().close(),
  };
}
