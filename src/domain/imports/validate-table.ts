import type { Db } from '../../db/client';
import { fastParser } from '../ingest/fields';
import type { IngestKindName } from '../ingest/ingest-kind';
import { findUnknownReferences } from '../ingest/ingest-rows';
import { ingestKinds } from '../ingest/kinds';
import { fieldsOf, type Mapping, namesFor, suggestMapping } from './mapping';
import type { Table } from './read-table';

/** A problem in a file: line 1 is the header; `column` is the file's column name (null for the whole file). */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  message: string;
}

export interface ValidatedTable {
  mapping: Mapping;
  problems: ImportProblem[];
  /** rows that passed, typed, with the line each came from */
  rows: unknown[];
  lines: number[];
  preview: Array<Record<string, string>>;
}

/**
 * Checks a whole file and lists every problem: the file (delimiter, missing columns, mapping), each cell
 * (dates, enums, required values), duplicate keys within the file, and references unknown to the database.
 */
export async function validateTable(opts: {
  db: Db;
  kind: IngestKindName;
  table: Table;
  mapping?: Mapping;
  onProgress?: (done: number) => Promise<void> | void;
}): Promise<ValidatedTable> {
  const { db, kind, table } = opts;
  const ingest = ingestKinds[kind];
  const mapping = suggestMapping(kind, table.columns, opts.mapping);
  const fileProblems = checkColumns(kind, table, mapping, opts.mapping ?? {});
  const result: ValidatedTable = { mapping, problems: fileProblems, rows: [], lines: [], preview: [] };
  if (fileProblems.length) return result;

  const keyField = ingest.keyField;
  // contractors nest their contact (withContact): zod alone
  const fast = kind === 'contractors' ? null : fastParser(ingest.schema);
  const firstLineOfKey = new Map<string, number>();
  const index = Object.entries(mapping).map(
    ([field, column]) => [field, table.columns.indexOf(column)] as const,
  );
  for (let n = 0; n < table.rows.length; n++) {
    const { line, cells } = table.rows[n]!;
    const raw: Record<string, string> = {};
    for (const [field, i] of index) raw[field] = cells[i] ?? '';
    if (result.preview.length < 5) result.preview.push(raw);
    const key = raw[keyField]?.trim();
    if (key) {
      const first = firstLineOfKey.get(key);
      if (first === undefined) firstLineOfKey.set(key, line);
      else
        result.problems.push({
          line,
          column: mapping[keyField]!,
          message: `duplicate ${keyField} "${key}" (also on line ${first})`,
        });
    }
    const quick = fast?.(raw);
    const parsed = quick
      ? ({ success: true, data: quick } as const)
      : ingest.schema.safeParse(kind === 'contractors' ? withContact(raw) : raw);
    if (parsed.success) {
      result.rows.push(parsed.data);
      result.lines.push(line);
    } else {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'contacts' ? contactField(issue.path[2]) : String(issue.path[0]);
        result.problems.push({ line, column: mapping[field] ?? field, message: `${field} ${issue.message}` });
      }
    }
    if (n % 10_000 === 9_999) await opts.onProgress?.(n + 1);
  }
  for (const p of await findUnknownReferences(db, ingest, result.rows)) {
    result.problems.push({
      line: result.lines[p.index]!,
      column: mapping[p.field] ?? p.field,
      message: p.message,
    });
  }
  result.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return result;
}

function checkColumns(
  kind: IngestKindName,
  table: Table,
  mapping: Mapping,
  explicit: Mapping,
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const fields = fieldsOf(kind);
  for (const [field, column] of Object.entries(explicit)) {
    if (!fields.some((f) => f.field === field))
      problems.push({ line: null, column, message: `mapping names an unknown field "${field}"` });
    else if (!table.columns.includes(column))
      problems.push({ line: 1, column, message: `mapped column "${column}" is not in the file` });
  }
  const missing = fields.filter((f) => f.required && !mapping[f.field]);
  if (missing.length && table.columns.length <= 1) {
    const seen = table.delimiter
      ? `the header has one column: "${table.columns[0] ?? ''}"`
      : 'no columns found';
    problems.push({
      line: 1,
      column: null,
      message: `Wrong delimiter: use comma, semicolon or tab between columns (${seen}).`,
    });
    return problems;
  }
  for (const { field } of missing) {
    problems.push({
      line: 1,
      column: field,
      message: `required column for ${field} not found (accepted headers: ${namesFor(kind, field).slice(1).join(', ')})`,
    });
  }
  return problems;
}

function withContact(raw: Record<string, string>) {
  const { contactName, contactEmail, contactPhone, ...rest } = raw;
  return contactName || contactEmail
    ? { ...rest, contacts: [{ name: contactName, email: contactEmail, phone: contactPhone }] }
    : rest;
}
const contactField = (key: unknown) =>
  ({ name: 'contactName', email: 'contactEmail', phone: 'contactPhone' })[String(key)] ?? 'contactName';
