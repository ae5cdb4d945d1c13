/**
 * Rows as CSV for PostgreSQL's COPY … (FORMAT csv): an unquoted empty field is NULL, so an empty
 * string is written as "" and text with separators or quotes is quoted.
 */
export function csvLine(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += ',';
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') line += v ? 't' : 'f';
    else if (typeof v === 'number') line += String(v);
    else {
      const s = String(v);
      line += s === '' || /[",\n\r\\]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    }
  }
  return `${line}\n`;
}

/** Cuts a stream of rows into CSV chunks of `size` rows, so memory stays flat at any scale. */
export function* csvChunks(
  rows: Iterable<unknown[]>,
  size: number,
): Generator<{ csv: string; count: number }> {
  let csv = '';
  let count = 0;
  for (const row of rows) {
    csv += csvLine(row);
    if (++count === size) {
      yield { csv, count };
      csv = '';
      count = 0;
    }
  }
  if (count) yield { csv, count };
}
