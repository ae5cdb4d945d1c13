import { and, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { importRuns } from '../../db/schema';

/** No import takes this long; on a shared PostgreSQL an older unfinished run has lost its process. */
const SURELY_ABANDONED_MS = 6 * 60 * 60 * 1000;

/**
 * Imports run inside the process that accepted the upload, all or nothing. When that process stopped
 * mid-run, the run would say "importing" forever; at start-up we mark it failed (nothing was written).
 * On PGlite this process is the only one, so every unfinished run is abandoned; on PostgreSQL other
 * processes may still be importing, so only runs older than any real import count.
 */
export async function failInterruptedImports({
  database,
  now = new Date(),
}: {
  database: Database;
  now?: Date;
}) {
  const unfinished = inArray(importRuns.status, ['validating', 'importing']);
  const where =
    database.kind === 'pglite'
      ? unfinished
      : and(unfinished, lt(importRuns.createdAt, new Date(now.getTime() - SURELY_ABANDONED_MS)));
  const failed = await database.db
    .update(importRuns)
    .set({
      status: 'failed',
      finishedAt: now,
      problems: [
        {
          line: null,
          column: null,
          message:
            'The import was interrupted (the server stopped). Nothing was written; import the file again.',
        },
      ],
    })
    .where(where)
    .returning({ id: importRuns.id });
  return failed.length;
}
