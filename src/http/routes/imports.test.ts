import { eq } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUploads } from '../../db/schema';
import { IMPORT_RUN_JOB } from '../../domain/imports/import-job';
import type { JobDefinition } from '../../jobs/definitions';
import { importsRun } from '../../jobs/imports.run';
import { startWorker } from '../../jobs/worker';
import { signedInHeaders, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: Record<string, string>;
let worker: PgBoss | undefined;
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInHeaders(h, 'admin');
});
afterAll(async () => {
  await worker?.stop({ graceful: false, wait: true });
  await h?.close();
});

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----achtplus-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
  headers = admin,
) => {
  const body = multipart(fields, file);
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
};

async function startWorking() {
  worker ??= await startWorker(h.ctx, { work: true, definitions: [importsRun as JobDefinition] });
}

async function until(condition: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met within 20 s');
}

async function finished(id: number) {
  for (let i = 0; i < 1200; i++) {
    const run = (await h.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin })).json();
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

describe('POST /api/v1/imports', () => {
  const csv = Buffer.from('werkorder;klantreis;omschrijving\nH-1;repair;lekkage\nH-2;repair;deur\n');

  it('dry run answers columns, mapping, problems and a preview without writing', async () => {
    const res = await upload({ kind: 'jobs', dryRun: 'true' }, { name: 'jobs.csv', content: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      columns: ['werkorder', 'klantreis', 'omschrijving'],
      totalRows: 2,
      problems: [],
    });
    expect(res.json().preview[0]).toEqual({ externalId: 'H-1', journey: 'repair', description: 'lekkage' });
  });

  it('stores the upload for a worker: a web-only process leaves it queued, a worker runs it', async () => {
    // a ROLE=web process: pg-boss to queue jobs, no worker taking them
    const web = await startWorker(h.ctx, { work: false, definitions: [importsRun as JobDefinition] });
    const res = await upload({ kind: 'jobs' }, { name: 'jobs.csv', content: csv });
    expect(res.statusCode).toBe(202);
    const id = res.json().id;
    const queued = (
      await h.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin })
    ).json();
    expect(queued).toMatchObject({ status: 'queued', processedRows: 0, inserted: 0 });
    // queued in the upload's own transaction, waiting for a worker
    const jobs = await h.ctx.database.executeSql('SELECT state, data FROM pgboss.job WHERE name = $1', [
      IMPORT_RUN_JOB,
    ]);
    expect(jobs.rows).toEqual([{ state: 'created', data: { runId: id } }]);
    await web.stop({ graceful: false, wait: true });
    expect(await h.ctx.db.select().from(importUploads).where(eq(importUploads.runId, id))).toHaveLength(1);

    await startWorking();
    const run = await finished(id);
    expect(run).toMatchObject({
      status: 'done',
      totalRows: 2,
      processedRows: 2,
      inserted: 2,
      fileName: 'jobs.csv',
    });
    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/imports', headers: admin })).json();
    expect(list.items[0].id).toBe(run.id);
    // the stored file goes once the run ended
    await until(
      async () => !(await h.ctx.db.select().from(importUploads).where(eq(importUploads.runId, id))).length,
    );
  });

  it('names a bad kind and a missing file', async () => {
    const bad = await upload({ kind: 'auto' }, { name: 'x.csv', content: csv });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/kind/);
    expect(bad.json().issues).toEqual([expect.objectContaining({ field: 'body.kind' })]);
    const noFile = await upload({ kind: 'jobs' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toMatch(/file/);
  });

  it('is for admins only', async () => {
    const lead = await signedInHeaders(h, 'team_leader');
    expect((await upload({ kind: 'jobs' }, { name: 'jobs.csv', content: csv }, lead)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/imports', headers: lead })).statusCode).toBe(
      403,
    );
  });

  it('imports a 50 MB file and refuses one over 60 MB with 413', async () => {
    const description = 'Lekkage in badkamer, tegels los. '.repeat(80); // ~2.6 kB
    const lines = ['werkorder,klantreis,omschrijving'];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const line = `BIG-${i},repair,"${description}"`;
      lines.push(line);
      size += line.length + 1;
    }
    const big = Buffer.from(lines.join('\n'));
    await startWorking();
    const res = await upload({ kind: 'jobs' }, { name: 'big.csv', content: big });
    expect(res.statusCode).toBe(202);
    const run = await finished(res.json().id);
    expect(run).toMatchObject({ status: 'done', inserted: lines.length - 1 });

    const tooBig = await upload(
      { kind: 'jobs' },
      { name: 'huge.csv', content: Buffer.alloc(61 * 1024 * 1024, 'a') },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toMatch(/60 MB/);
  }, 120_000);
});
