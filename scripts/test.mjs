// npm test: the whole suite. Unit + integration on PGlite always; again on PostgreSQL when
// TEST_DATABASE_URL is set; then the browser journeys in Chromium (the server on PGlite, and again
// on PostgreSQL when TEST_DATABASE_URL is set). Under CI=true, a part that would
// be skipped for lack of PostgreSQL or Chromium fails instead.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const ci = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extra = process.argv.slice(2);
let failed = false;
const totals = { passed: 0, failed: 0, skipped: 0 };
const durations = [];
mkdirSync('.tmp', { recursive: true });

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const report = `.tmp/vitest-${label.replace(/\W+/g, '-')}.json`;
  rmSync(report, { force: true });
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const started = Date.now();
  const r = spawnSync('npx', [...args, ...reporters], { stdio: 'inherit', env: { ...process.env, ...env } });
  durations.push(`${label}: ${Math.round((Date.now() - started) / 1000)} s`);
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + j.numTodoTests;
  }
  if (r.status !== 0) {
    console.error(`--- ${label}: FAILED`);
    failed = true;
  }
}

run('unit + integration on PGlite', ['vitest', 'run', ...extra], { TEST_BACKEND: 'pglite' });

if (process.env.TEST_DATABASE_URL) {
  run('unit + integration on PostgreSQL', ['vitest', 'run', ...extra], { TEST_BACKEND: 'postgres' });
} else if (ci) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot be skipped in CI.');
  failed = true;
} else {
  console.log('\n(TEST_DATABASE_URL not set: PostgreSQL suite skipped)');
}

if (existsSync(chromium)) {
  run('browser journeys (Chromium)', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...extra]);
  // the journeys again with the server on PostgreSQL (a throw-away database); the accessibility
  // audit looks at the same pages whatever keeps the data, so it runs once
  if (process.env.TEST_DATABASE_URL)
    run(
      'browser journeys on PostgreSQL (Chromium)',
      [
        'vitest',
        'run',
        '--config',
        'vitest.e2e.config.ts',
        '--exclude',
        'e2e/accessibility.spec.ts',
        ...extra,
      ],
      { E2E_BACKEND: 'postgres' },
    );
} else if (ci) {
  console.error(
    `CI=true but Chromium is missing at ${chromium}: the browser journeys cannot be skipped in CI.`,
  );
  failed = true;
} else {
  console.log(`\n(Chromium not found at ${chromium}: browser journeys skipped)`);
}

// one closing line for people and for CI: every test of every part, added up
console.log(`\n${durations.join('; ')}`);
console.log(`all parts: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
