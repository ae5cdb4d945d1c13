import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRuns, importUploads } from '../../db/schema';
import { readBytes } from '../../db/stored-bytes';
import type { Actor } from '../../policy/actor';
import { may } from '../../policy/policy';
import type { IngestKindName } from '../ingest/ingest-kind';
import type { DispatchWakeup } from '../invitations/dispatch-wakeup';
import { keepClaim } from './import-job';
import type { Mapping } from './mapping';
import { runImport } from './run-import';
import { UPLOAD_BYTES } from './upload-import';

/**
 * A worker's run of an uploaded file: claims the run while it is still queued (so of two jobs for
 * one run only the first does anything), renews the claim while it runs, runs it as the person who
 * uploaded it (their permissions as they are now), and deletes the stored bytes once the run ended.
 * Returns false when the run was not queued (taken, finished, or unknown).
 */
export async function runStoredImport({
  db,
  runId,
  claimedBy,
  uploader,
  dispatchWakeup,
}: {
  db: Db;
  runId: number;
  /** this process (lib/process-instance.ts) */
  claimedBy: string;
  /** the uploader as an actor, or null when they may no longer act (account removed or disabled) */
  uploader: (userId: string) => Promise<Actor | null>;
  /** the AppContext's, so the import's completed jobs wake the dispatcher after commit */
  dispatchWakeup?: DispatchWakeup;
}): Promise<boolean> {
  const [run] = await db
    .update(importRuns)
    .set({
      status: 'validating',
      claimedBy,
      heartbeatAt: sql`now()`,
      attempts: sql`${importRuns.attempts} + 1`,
      totalRows: 0,
      processedRows: 0,
    })
    .where(and(eq(importRuns.id, runId), eq(importRuns.status, 'queued')))
    .returning();
  if (!run) return false;
  const release = keepClaim(db, runId, claimedBy);
  const fail = (message: string) =>
    db
      .update(importRuns)
      .set({ status: 'failed', finishedAt: new Date(), problems: [{ line: null, column: null, message }] })
      .where(and(eq(importRuns.id, runId), eq(importRuns.claimedBy, claimedBy)));
  try {
    const [upload] = await db
      .select({ mapping: importUploads.mapping })
      .from(importUploads)
      .where(eq(importUploads.runId, runId));
    const bytes = upload ? await readBytes(db, UPLOAD_BYTES(runId)) : null;
    const actor = run.createdByUserId ? await uploader(run.createdByUserId) : null;
    if (!upload || !bytes) await fail('The uploaded file is no longer stored; import the file again.');
    // their role may have changed since the upload: they import with what they may do now
    else if (!actor || !may(actor, 'import.run'))
      await fail('The account that uploaded the file can no longer import. Nothing was written.');
    else
      await runImport({
        db,
        actor,
        kind: run.kind as IngestKindName,
        fileName: run.fileName,
        bytes,
        mapping: (upload.mapping as Mapping | null) ?? undefined,
        runId,
        claimedBy,
        dispatchWakeup,
      });
  } catch (err) {
    // runImport records its own failures; this is the database failing around it
    console.error(`[import ${runId}] stopped:`, err);
    await fail('The import stopped on an unexpected error. Nothing was written; import the file again.');
  } finally {
    release();
    await deleteUploadOfEndedRun(db, runId);
  }
  return true;
}

/** The bytes go once their run ended (a run taken over by another worker keeps them for it). */
export async function deleteUploadOfEndedRun(db: Db, runId: number) {
  await db.delete(importUploads).where(
    and(
      eq(importUploads.runId, runId),
      inArray(
        importUploads.runId,
        db
          .select({ id: importRuns.id })
          .from(importRuns)
          .where(and(eq(importRuns.id, runId), inArray(importRuns.status, ['done', 'failed']))),
      ),
    ),
  );
}
