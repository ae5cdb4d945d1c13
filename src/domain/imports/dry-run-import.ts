import type { Db } from '../../db/client';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import type { IngestKindName } from '../ingest/ingest-kind';
import type { Mapping } from './mapping';
import { readTable, UnreadableFile } from './read-table';
import { validateTable } from './validate-table';

export interface DryRunImportOptions {
  db: Db;
  actor: Actor;
  kind: IngestKindName;
  bytes: Buffer;
  mapping?: Mapping;
}

/** Reads and checks a file without writing anything: columns, the mapping used, every problem, a preview. */
export async function dryRunImport({ db, actor, kind, bytes, mapping }: DryRunImportOptions) {
  authorize(actor, 'import.run');
  try {
    const table = await readTable(bytes);
    const checked = await validateTable({ db, kind, table, mapping });
    return {
      columns: table.columns,
      mapping: checked.mapping,
      totalRows: table.rows.length,
      problems: checked.problems,
      preview: checked.preview,
      encoding: table.encoding,
      delimiter: table.delimiter,
    };
  } catch (err) {
    if (!(err instanceof UnreadableFile)) throw err;
    return {
      columns: [],
      mapping: {} as Mapping,
      totalRows: 0,
      problems: [{ line: null, column: null, message: err.message }],
      preview: [],
      encoding: null,
      delimiter: null,
    };
  }
}
