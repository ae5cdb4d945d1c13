import type { Db } from '../../db/client';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { type DispatchWakeup, NO_DISPATCH_WAKEUP } from '../invitations/dispatch-wakeup';
import { type IngestKind, IngestProblems, type RowProblem } from './ingest-kind';
import { missingKeys, type Tx, type UpsertCounts } from './upsert-sql';

export interface IngestRowsOptions<T> {
  db: Db;
  actor: Actor;
  kind: IngestKind<T>;
  rows: T[];
  onProgress?: (done: number) => void;
  /** the AppContext's, so jobs that became completed wake the dispatcher after commit (default: the minute cron finds them) */
  dispatchWakeup?: DispatchWakeup;
}

/**
 * Upserts validated rows of one kind: all or nothing, in one transaction. Duplicate keys and unknown
 * references are refused up front with every problem listed; sending the same rows twice changes nothing.
 */
export async function ingestRows<T>({
  db,
  actor,
  kind,
  rows,
  onProgress,
  dispatchWakeup = NO_DISPATCH_WAKEUP,
}: IngestRowsOptions<T>): Promise<UpsertCounts> {
  authorize(actor, kind.permission);
  const duplicates = findDuplicateKeys(kind, rows);
  if (duplicates.length) throw new IngestProblems(duplicates);
  const { counts, afterCommit } = await db.transaction(async (tx) => {
    const unknown = await findUnknownReferences(tx, kind, rows);
    if (unknown.length) throw new IngestProblems(unknown);
    const { inserted, updated, afterCommit } = await kind.write(tx, rows, onProgress);
    return { counts: { inserted, updated, unchanged: rows.length - inserted - updated }, afterCommit };
  });
  await afterCommit?.({ db, dispatchWakeup });
  return counts;
}

export function findDuplicateKeys<T>(kind: IngestKind<T>, rows: T[]): RowProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: RowProblem[] = [];
  rows.forEach((row, index) => {
    const key = String(row[kind.keyField]);
    const first = firstIndex.get(key);
    if (first === undefined) firstIndex.set(key, index);
    else
      problems.push({
        index,
        field: kind.keyField,
        message: `duplicate ${kind.keyField} "${key}" (also at row ${first + 1})`,
      });
  });
  return problems;
}

/** Every reference that points at nothing, one query per reference over the distinct values. */
export async function findUnknownReferences<T>(
  tx: Tx,
  kind: IngestKind<T>,
  rows: T[],
): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  for (const ref of kind.references) {
    const values = rows.map((r) => r[ref.field] as unknown as string | undefined);
    const missing = await missingKeys(
      tx,
      ref.table,
      ref.column,
      values.filter((v): v is string => !!v),
    );
    if (!missing.size) continue;
    values.forEach((v, index) => {
      if (v && missing.has(v))
        problems.push({ index, field: ref.field, message: `unknown ${ref.noun} "${v}"` });
    });
  }
  return problems.sort((a, b) => a.index - b.index);
}
