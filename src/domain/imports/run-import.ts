import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRuns } from '../../db/schema';
import { PROCESS_INSTANCE } from '../../lib/process-instance';
import { type Actor, actorUserId } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { type IngestKindName, IngestProblems } from '../ingest/ingest-kind';
import { ingestRows } from '../ingest/ingest-rows';
import { ingestKinds } from '../ingest/kinds';
import type { DispatchWakeup } from '../invitations/dispatch-wakeup';
import { keepClaim } from './import-job';
import type { Mapping } from './mapping';
import { readTable, UnreadableFile } from './read-table';
import { type ImportProblem, validateTable } from './validate-table';

export interface ImportFileOptions {
  db: Db;
  actor: Actor;
  kind: IngestKindName;
  fileName: string;
  bytes: Buffer;
  mapping?: Mapping;
  /** the AppContext's, so completed jobs wake the dispatcher after commit (default: the minute cron finds them) */
  dispatchWakeup?: DispatchWakeup;
}

/**
 * Records a run that this process runs at once (status `validating`, claimed by it), so progress
 * can be followed from the start. Uploads through the API are stored and run by a worker instead
 * (upload-import.ts).
 */
export async function createImportRun({
  db,
  actor,
  kind,
  fileName,
  bytes,
}: Omit<ImportFileOptions, 'mapping'>) {
  authorize(actor, 'import.run');
  authorize(actor, ingestKinds[kind].permission);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const [run] = await db
    .insert(importRuns)
    .values({
      kind,
      fileName,
      fileSha256: sha,
      status: 'validating',
      createdByUserId: actorUserId(actor),
      claimedBy: PROCESS_INSTANCE,
      heartbeatAt: new Date(),
      attempts: 1,
    })
    .returning({ id: importRuns.id });
  return run!.id;
}

/**
 * Validates the whole file, then writes it in one transaction: completely or not at all. Status and
 * processedRows are kept up to date; whatever goes wrong ends as an honest `failed` with its problems.
 * `claimedBy`: the process holding the run's claim; once another has taken the run over (this one
 * was taken for dead), this one's progress and result are not recorded.
 */
export async function runImport(opts: ImportFileOptions & { runId: number; claimedBy: string }) {
  const { db, actor, kind, runId } = opts;
  const set = (values: Partial<typeof importRuns.$inferInsert>) =>
    db
      .update(importRuns)
      .set(values)
      .where(and(eq(importRuns.id, runId), eq(importRuns.claimedBy, opts.claimedBy)));
  const fail = async (problems: ImportProblem[], totalRows = 0) => {
    await set({ status: 'failed', problems, finishedAt: new Date() });
    await recordAudit({
      db,
      actor,
      action: 'import.failed',
      subjectType: 'import',
      subjectId: runId,
      details: { kind, fileName: opts.fileName, totalRows, problems: problems.length },
    });
  };
  try {
    const table = await readTable(opts.bytes);
    await set({ totalRows: table.rows.length });
    const checked = await validateTable({
      db,
      kind,
      table,
      mapping: opts.mapping,
      onProgress: (done) => set({ processedRows: done }).then(() => {}),
    });
    if (checked.problems.length) return await fail(checked.problems, table.rows.length);
    await set({ status: 'importing', processedRows: 0 });
    // progress writes queue behind the transaction on PGlite (one connection) and land live on PostgreSQL
    let progress = Promise.resolve();
    const counts = await ingestRows({
      db,
      actor,
      kind: ingestKinds[kind],
      rows: checked.rows,
      dispatchWakeup: opts.dispatchWakeup,
      onProgress: (done) => {
        progress = progress
          .then(() => set({ processedRows: done }))
          .then(
            () => {},
            () => {},
          );
      },
    });
    await progress;
    await set({
      status: 'done',
      processedRows: table.rows.length,
      ...counts,
      problems: [],
      finishedAt: new Date(),
    });
    await recordAudit({
      db,
      actor,
      action: 'import.completed',
      subjectType: 'import',
      subjectId: runId,
      details: { kind, fileName: opts.fileName, totalRows: table.rows.length, ...counts },
    });
  } catch (err) {
    if (err instanceof UnreadableFile) return fail([{ line: null, column: null, message: err.message }]);
    if (err instanceof IngestProblems)
      return fail(err.problems.map((p) => ({ line: null, column: p.field, message: p.message })));
    console.error(`[import ${runId}] stopped:`, err);
    await fail([
      {
        line: null,
        column: null,
        // the database's own message may quote the SQL and the rows (tenant data): keep it in the log
        message: `The import stopped on an unexpected error (${databaseErrorCode(err) ?? 'no code'}). Nothing was written.`,
      },
    ]);
  }
}

/** The CLI's way: create the run and run it in this process, holding its claim; returns the finished run. */
export async function importFile(opts: ImportFileOptions) {
  const runId = await createImportRun(opts);
  const release = keepClaim(opts.db, runId, PROCESS_INSTANCE);
  try {
    await runImport({ ...opts, runId, claimedBy: PROCESS_INSTANCE });
  } finally {
    release();
  }
  const [run] = await opts.db.select().from(importRuns).where(eq(importRuns.id, runId));
  return run!;
}

function databaseErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e.cause?.code ?? e.code;
  return typeof code === 'string' ? code : undefined;
}
