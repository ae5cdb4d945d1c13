import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { importRuns, importUploads } from '../../db/schema';
import { writeBytes } from '../../db/stored-bytes';
import { sqlInTransaction } from '../../db/transaction-sql';
import { type Actor, actorUserId } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import type { IngestKindName } from '../ingest/ingest-kind';
import { ingestKinds } from '../ingest/kinds';
import type { JobSender } from '../messages/mailer';
import { IMPORT_RUN_JOB, importRunJob } from './import-job';
import type { Mapping } from './mapping';

/** Where an upload's bytes are (see db/stored-bytes.ts for why not through a parameter). */
export const UPLOAD_BYTES = (runId: number) => ({
  table: 'import_uploads',
  column: 'bytes',
  key: 'run_id',
  value: runId,
});

/**
 * Stores an upload for a worker: in one transaction the run (`queued`), the file's bytes and mapping,
 * and its `imports.run` job, so the job exists exactly when the upload does and no process that
 * accepted it has to live until it ran. Without a job queue in this process (tests, scripts) the run
 * waits for a working process's recovery sweep to queue it. Returns the run's id.
 */
export async function uploadImport({
  db,
  jobs,
  actor,
  kind,
  fileName,
  bytes,
  mapping,
}: {
  db: Db;
  jobs: JobSender | undefined;
  actor: Actor;
  kind: IngestKindName;
  fileName: string;
  bytes: Buffer;
  mapping?: Mapping;
}) {
  authorize(actor, 'import.run');
  authorize(actor, ingestKinds[kind].permission);
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction(async (tx) => {
    const [run] = await tx
      .insert(importRuns)
      .values({ kind, fileName, fileSha256, status: 'queued', createdByUserId: actorUserId(actor) })
      .returning({ id: importRuns.id });
    await tx
      .insert(importUploads)
      .values({ runId: run!.id, bytes: Buffer.alloc(0), mapping: mapping ?? null });
    await writeBytes(tx, UPLOAD_BYTES(run!.id), bytes);
    const job = importRunJob(run!.id);
    await jobs?.send(IMPORT_RUN_JOB, job.data, { ...job.options, db: sqlInTransaction(tx) });
    return run!.id;
  });
}
