import PgBoss from 'pg-boss';
import type { AppContext } from '../context';
import { type JobDefinition, jobDefinitions } from './definitions';
import { startFrequentSweeps } from './frequent-sweeps';

/**
 * pg-boss on both backends: on PGlite through the database's executeSql adapter, on PostgreSQL
 * through its own pool. Handlers are idempotent; singleton keys keep several processes from doubling work.
 */
export async function startWorker(ctx: AppContext, opts: { work: boolean; definitions?: JobDefinition[] }) {
  const boss =
    ctx.database.kind === 'postgres'
      ? new PgBoss({ connectionString: ctx.config.DATABASE_URL!, max: 4 })
      : new PgBoss({
          db: {
            executeSql: (text: string, values?: unknown[]) => ctx.database.executeSql(text, values),
          } as any,
        });
  boss.on('error', (err) => console.error('[worker]', err.message));
  await boss.start();
  ctx.jobs = boss;
  for (const def of opts.definitions ?? jobDefinitions) {
    await boss.createQueue(def.id, { name: def.id, policy: def.policy ?? 'standard' });
    if (def.cron) await boss.schedule(def.id, def.cron, {}, { tz: 'Europe/Amsterdam' });
    if (opts.work) {
      await boss.work(def.id, { batchSize: def.batchSize ?? 1 }, async (batch) => {
        const fail = (job: { id: string }, err: unknown) =>
          boss.fail(def.id, job.id, { message: err instanceof Error ? err.message : String(err) });
        if (def.handleBatch) {
          const jobs = [];
          for (const job of batch) {
            const parsed = def.payload.safeParse(job.data);
            if (parsed.success) jobs.push({ id: job.id, payload: parsed.data });
            else await fail(job, parsed.error);
          }
          return def.handleBatch(ctx, jobs, fail);
        }
        if (batch.length === 1) return def.handler(ctx, def.payload.parse(batch[0]!.data));
        // pg-boss fails (and retries) a whole batch when its handler throws: fail only the job that
        // threw, so the others are not done twice; pg-boss then completes the ones still active
        for (const job of batch) {
          try {
            await def.handler(ctx, def.payload.parse(job.data));
          } catch (err) {
            await fail(job, err);
          }
        }
      });
    }
  }
  if (opts.work) {
    // what cannot wait for a minute's cron: new domain events to their processors, imports whose worker died
    const stopSweeps = startFrequentSweeps(ctx, boss, opts.definitions ?? jobDefinitions);
    boss.once('stopped', stopSweeps);
  }
  return boss;
}
