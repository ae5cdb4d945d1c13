import type { z } from 'zod';
import { type ImportKind, importKinds } from '../../contracts/work';
import type { Db } from '../../db/client';
import type { Action } from '../../policy/policy';
import type { DispatchWakeup } from '../invitations/dispatch-wakeup';
import type { Tx } from './upsert-sql';

export const ingestKindNames = importKinds;
export type IngestKindName = ImportKind;

/** A reference by external id or code, checked before anything is written. */
export interface Reference<T> {
  field: keyof T & string;
  table: string;
  column: string;
  /** what the reference points at, for the message ("unit", "team") */
  noun: string;
}

/** What the batch API and the import need to know about one kind of row. */
export interface IngestKind<T> {
  name: IngestKindName;
  schema: z.ZodType<T>;
  /** the field that identifies a row (external id or code) */
  keyField: keyof T & string;
  references: Reference<T>[];
  permission: Action;
  /**
   * writes the rows (no duplicates, references known) inside the caller's transaction; `afterCommit`
   * runs once the transaction committed (e.g. waking the invitation dispatcher with the caller's
   * wake-up, the AppContext's)
   */
  write(
    tx: Tx,
    rows: T[],
    onProgress?: (done: number) => void,
  ): Promise<{
    inserted: number;
    updated: number;
    afterCommit?: (after: { db: Db; dispatchWakeup: DispatchWakeup }) => Promise<void>;
  }>;
}

/** A problem with one row (index in the batch) and field; the API names `jobs.3.unitExternalId`, the import a line. */
export interface RowProblem {
  index: number;
  field: string;
  message: string;
}

export class IngestProblems extends Error {
  constructor(public readonly problems: RowProblem[]) {
    super(`${problems.length} problem(s) in the rows`);
  }
}
