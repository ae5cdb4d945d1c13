import type { AppContext } from '../context';
import { organisation, targets } from '../db/schema';
import { recordAudit } from '../domain/audit/record-audit';
import { markInstallKind } from '../domain/organisation/install-kind';
import { ensureDefaultQuestionnaires } from '../domain/questionnaires/ensure-default-questionnaires';
import { systemActor } from '../policy/actor';
import { generateDemo } from './generate-demo';
import { demoFilledTables, loadDemoTables } from './load-demo';
import { createDemoLogins, DEMO_LOGINS } from './logins';
import type { TDemoOptions } from './options';
import { demoTargets } from './targets';

/**
 * What the database holds, as far as the demo is concerned:
 * - empty: nothing yet — the demo may be seeded;
 * - interrupted: an earlier seeding began (audit marker) but never wrote its organisation row;
 * - seeded / in-use: there is an organisation (the demo's, or a real corporation's);
 * - data-without-organisation: rows that the demo did not write; never touched.
 */
export type DemoState = 'empty' | 'interrupted' | 'seeded' | 'in-use' | 'data-without-organisation';

export async function demoState(ctx: Pick<AppContext, 'database'>): Promise<DemoState> {
  const [row] = (
    await ctx.database.executeSql(`select
      exists(select 1 from organisation) as organisation,
      exists(select 1 from users where email = '${DEMO_LOGINS[0].email}') as demo_admin,
      exists(select 1 from audit_log where action = 'demo.seed.started') as started,
      (${demoFilledTables.map((t) => `exists(select 1 from ${t})`).join(' or ')}) as data`)
  ).rows;
  if (row.organisation) return row.demo_admin ? 'seeded' : 'in-use';
  if (!row.data) return 'empty';
  return row.started ? 'interrupted' : 'data-without-organisation';
}

/**
 * Removes what an interrupted seeding left, so it can start again from nothing. The cascade from
 * `users` also empties `questionnaire_versions` (a version names who published it), and the demo's
 * responses need the published versions: the default questionnaires are made again.
 */
export async function clearInterruptedDemo(ctx: Pick<AppContext, 'database' | 'db'>) {
  await ctx.database.executeSql(
    `truncate ${demoFilledTables.join(', ')}, questionnaires restart identity cascade`,
  );
  await ensureDefaultQuestionnaires({ db: ctx.db });
}

/**
 * Generates and loads the demo organisation into an empty database. The organisation row is
 * written last: until it exists, the start-up sees an interrupted seeding, not a finished one.
 */
export async function seedDemo({
  ctx,
  options = {},
  log = () => {},
}: {
  ctx: AppContext;
  options?: TDemoOptions;
  log?: (m: string) => void;
}) {
  const started = performance.now();
  const actor = systemActor('demo');
  await recordAudit({ db: ctx.db, actor, action: 'demo.seed.started', details: { ...options } });
  const dataset = generateDemo(options);
  const counts = await loadDemoTables({ database: ctx.database, dataset, secret: ctx.secret, log });
  // the planner's statistics for what was just loaded (PGlite has no autovacuum to gather them)
  await ctx.database.executeSql('ANALYZE');
  const surveyLinks = dataset.surveys.tryLinks.map((l) => `${ctx.config.publicUrl}/s/${l.token}`);
  if (surveyLinks.length) log(`demo: a tenant's survey to try (teamleider's team): ${surveyLinks.at(-1)}`);
  await createDemoLogins({ db: ctx.db, dataset });
  const o = dataset.org.organisation;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(organisation).values({
      id: 1,
      name: o.name,
      senderName: o.senderName,
      senderEmail: o.senderEmail,
      primaryColor: o.primaryColor,
      accentColor: o.accentColor,
    });
    await tx.insert(targets).values(demoTargets(dataset.volumes.asOf));
    // from here on the install is the demo: its accounts sign in on this machine only (demo-sign-in.ts)
    await markInstallKind(tx, 'demo');
    await recordAudit({
      db: tx,
      actor,
      action: 'demo.seeded',
      details: {
        seed: dataset.volumes.seed,
        scale: dataset.volumes.scale,
        asOf: dataset.volumes.asOf,
        counts,
      },
    });
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    counts,
    seconds,
    volumes: dataset.volumes,
    jobsByJourney: { ...dataset.jobs.stats.byJourney },
    invitationsByStatus: { ...dataset.surveys.counts },
    /** working links of the five most recent open invitations of teamleider@'s team */
    surveyLinks,
  };
}

/** Counts as people read them: "45.000 units, 214.331 jobs, 52.107 responses". */
export function describeCounts(counts: Record<string, number>) {
  const label: Record<string, string> = {
    employees: 'employees',
    contractors: 'contractors',
    complexes: 'complexes',
    units: 'units',
    tenants: 'tenants',
    jobs: 'jobs',
    invitations: 'survey invitations',
    responses: 'responses',
  };
  return Object.entries(label)
    .map(([table, name]) => `${(counts[table] ?? 0).toLocaleString('nl-NL')} ${name}`)
    .join(', ');
}
