import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importRuns } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

const fields = {
  id: importRuns.id,
  kind: importRuns.kind,
  fileName: importRuns.fileName,
  status: importRuns.status,
  totalRows: importRuns.totalRows,
  processedRows: importRuns.processedRows,
  inserted: importRuns.inserted,
  updated: importRuns.updated,
  unchanged: importRuns.unchanged,
  createdAt: importRuns.createdAt,
  finishedAt: importRuns.finishedAt,
};

/** One import run with its problems, for the progress bar and the result page. */
export async function getImportRun({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'import.run');
  const [run] = await db
    .select({ ...fields, problems: importRuns.problems })
    .from(importRuns)
    .where(eq(importRuns.id, id));
  return run ?? null;
}

/** The most recent runs, newest first (problems left out: they can be long). */
export async function listImportRuns({ db, actor, limit = 50 }: { db: Db; actor: Actor; limit?: number }) {
  authorize(actor, 'import.run');
  return db.select(fields).from(importRuns).orderBy(desc(importRuns.id)).limit(limit);
}
