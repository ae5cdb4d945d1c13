import { createApiKey } from '../../src/domain/api-keys/create-api-key';
import { importFile } from '../../src/domain/imports/run-import';
import { buildApp } from '../../src/http/app';
import { systemActor } from '../../src/policy/actor';
import {
  copyRowsPerSecond,
  jobCells,
  jobsCsv,
  jobsTableCopy,
  median,
  openBenchContext,
  seedReferences,
} from '../import-setup';
import { type BenchGroup, line } from '../line';

/**
 * `import`: jobs from a generated CSV through the import path (read, map, validate, upsert), rows/s,
 * against the real limit measured in the same run: COPY of the same rows, as stored, into the real
 * `jobs` table with its indexes in a fresh database (goal ratio >= 0.7, PostgreSQL and PGlite); three
 * rounds in turns, medians compared. A second line compares with COPY into a bare table, for
 * information only (no goal): no indexed table reaches it.
 * `api-jobs`: jobs through POST /api/v1/jobs in batches (app.inject, API key), against the jobs-table COPY.
 */
const group: BenchGroup = async function* ({ quick, postgresUrl }) {
  const importRows = quick ? 20_000 : 100_000;
  const apiRows = quick ? 2_000 : 10_000;
  const rounds = 3;
  const backends: Array<'postgres' | 'pglite'> = postgresUrl ? ['postgres', 'pglite'] : ['pglite'];
  for (const backend of backends) {
    const { ctx, close } = await openBenchContext(backend, postgresUrl);
    try {
      await seedReferences(ctx);
      const { file, rows } = jobsCsv('IMP', importRows);
      const bareCopyRate = await copyRowsPerSecond(ctx, rows, importRows);
      // the baseline and the import take turns, `rounds` times, each from an empty jobs table; the
      // medians are compared, so one slow moment on a shared machine does not decide the ratio
      const baseline = await jobsTableCopy(ctx, backend, postgresUrl, 'IMP', importRows);
      const copyRates: number[] = [];
      const importRates: number[] = [];
      try {
        for (let round = 0; round < rounds; round++) {
          copyRates.push(await baseline.rowsPerSecond());
          await ctx.database.executeSql('TRUNCATE jobs, invitations CASCADE');
          const t0 = performance.now();
          const run = await importFile({
            db: ctx.db,
            actor: systemActor('bench'),
            kind: 'jobs',
            fileName: 'bench.csv',
            bytes: file,
          });
          const seconds = (performance.now() - t0) / 1000;
          if (run.status !== 'done' || run.inserted !== importRows)
            throw new Error(`bench import failed: ${JSON.stringify(run.problems).slice(0, 500)}`);
          importRates.push(importRows / seconds);
        }
      } finally {
        await baseline.close();
      }
      // each round's figures on stderr (stdout is the JSON lines): how far apart they are says how busy the machine was
      const rounded = (rates: number[]) => rates.map((r) => Math.round(r)).join(', ');
      console.error(
        `import (${backend}) rows/s per round: COPY into jobs ${rounded(copyRates)}; import ${rounded(importRates)}`,
      );
      const copyRate = median(copyRates);
      const importRate = median(importRates);
      yield line(
        `import (${backend})`,
        `${importRows} jobs from CSV, against COPY into the jobs table (median of ${rounds})`,
        'rows/s',
        importRate,
        copyRate,
        { ratioAtLeast: 0.7 },
      );
      yield line(
        `import (${backend})`,
        `${importRows} jobs from CSV, against COPY into a bare table (information)`,
        'rows/s',
        importRate,
        bareCopyRate,
      );

      const app = await buildApp({ ctx });
      await app.ready();
      const key = await createApiKey({
        db: ctx.db,
        actor: systemActor('bench'),
        name: 'bench',
        scopes: ['jobs:write'],
      });
      const batchSize = 1_000;
      const columns = [
        'externalId',
        'journey',
        'unitExternalId',
        'teamCode',
        'technicianExternalId',
        'description',
        'reportedAt',
        'completedAt',
      ];
      const batches = Array.from({ length: Math.ceil(apiRows / batchSize) }, (_, b) =>
        JSON.stringify({
          jobs: Array.from({ length: Math.min(batchSize, apiRows - b * batchSize) }, (_, i) => {
            const cells = jobCells('API', b * batchSize + i).map((c) => c.replace(/^"|"$/g, ''));
            return Object.fromEntries(columns.map((c, k) => [c, cells[k]]));
          }),
        }),
      );
      const t1 = performance.now();
      for (const payload of batches) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/jobs',
          payload,
          headers: { authorization: `Bearer ${key.token}`, 'content-type': 'application/json' },
        });
        if (res.statusCode !== 200)
          throw new Error(`bench api batch failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
      }
      const apiSeconds = (performance.now() - t1) / 1000;
      await app.close();
      yield line(
        `api-jobs (${backend})`,
        `${apiRows} jobs in batches of ${batchSize}`,
        'rows/s',
        apiRows / apiSeconds,
        copyRate,
      );
    } finally {
      await close();
    }
  }
};
export default group;
