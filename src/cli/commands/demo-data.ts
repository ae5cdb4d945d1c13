import { DEMO_LOGINS, DEMO_PASSWORD } from '../../demo/logins';
import { type TDemoOptions, ZDemoOptions } from '../../demo/options';
import { clearInterruptedDemo, demoState, describeCounts, seedDemo } from '../../demo/seed-demo';
import { readInstallKind } from '../../domain/organisation/install-kind';
import { withContext } from './open';

const usage = 'usage: npm run cli -- demo-data [--scale N] [--seed S] [--as-of YYYY-MM-DD] [--responses N]';

/**
 * `demo-data`: fills an empty database (DATA_DIR or DATABASE_URL) with the demo organisation,
 * optionally larger (`--scale 10` for benchmarks) or from another seed, with about 30% of the
 * survey invitations answered or `--responses N` responses. Refuses a database that already holds
 * an organisation or other data.
 */
export async function run(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${usage}`);
    return 2;
  }
  return withContext(async (ctx) => {
    if ((await readInstallKind(ctx.db)) === 'real') {
      console.error('This install was set up for real use (setup); demo-data never fills it.');
      return 1;
    }
    const state = await demoState(ctx);
    if (state !== 'empty' && state !== 'interrupted') {
      const what = state === 'data-without-organisation' ? 'holds data' : 'already holds an organisation';
      console.error(
        `The database ${what}; demo-data fills an empty database only. Use a fresh DATA_DIR or an empty PostgreSQL database.`,
      );
      return 1;
    }
    if (state === 'interrupted') {
      console.log('An earlier demo seeding was interrupted; clearing it first.');
      await clearInterruptedDemo(ctx);
    }
    const result = await seedDemo({ ctx, options: parsed.options, log: (m) => console.log(m) });
    const v = result.volumes;
    console.log(`Demo organisation (seed ${v.seed}, scale ${v.scale}, jobs up to ${v.asOf}):`);
    console.log(`  ${describeCounts(result.counts)}`);
    const j = result.jobsByJourney;
    console.log(
      `  jobs: ${j.repair} repair, ${j.planned} planned maintenance, ${j.vacancy} vacancy maintenance`,
    );
    const invitations = Object.entries(result.invitationsByStatus)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, n]) => `${n} ${status.replace(/^suppressed:(.*)$/, 'suppressed ($1)')}`)
      .join(', ');
    console.log(`  survey invitations: ${invitations}`);
    console.log(`  done in ${result.seconds.toFixed(1)} s`);
    console.log(`  logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.map((l) => l.email).join(', ')}`);
    return 0;
  });
}

function parseArgs(args: string[]): { options: TDemoOptions } | { error: string } {
  const raw: Record<string, unknown> = {};
  const flags: Record<string, 'seed' | 'scale' | 'asOf' | 'responses'> = {
    '--seed': 'seed',
    '--scale': 'scale',
    '--as-of': 'asOf',
    '--responses': 'responses',
  };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const key = flags[flag];
    if (!key) return { error: `unknown argument ${args[i]}` };
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `${flag} needs a value` };
    raw[key] = key === 'asOf' ? value : Number(value);
  }
  const result = ZDemoOptions.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const flag = Object.keys(flags).find((f) => flags[f] === issue.path[0]) ?? String(issue.path[0]);
    return { error: `${flag}: ${issue.message}` };
  }
  return { options: result.data };
}
