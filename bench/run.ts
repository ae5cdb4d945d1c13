/**
 * npm run bench -- [group …] [--quick]
 * Prints one JSON object per line; ratios compare against a baseline measured in the same run.
 * PostgreSQL scenarios use BENCH_DATABASE_URL (or TEST_DATABASE_URL, or the local server).
 */
import type { BenchGroup } from './line';

const groups: Record<string, () => Promise<{ default: BenchGroup }>> = {
  assets: () => import('./groups/assets'),
  dashboard: () => import('./groups/dashboard'),
  import: () => import('./groups/import'),
  start: () => import('./groups/start'),
  survey: () => import('./groups/survey'),
};

async function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !groups[n]);
  if (unknown.length) {
    console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${Object.keys(groups).join(', ')}`);
    process.exit(2);
  }
  const postgresUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  for (const name of names.length ? names : Object.keys(groups)) {
    const group = (await groups[name]!()).default;
    for await (const result of group({ quick, postgresUrl })) console.log(JSON.stringify(result));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
