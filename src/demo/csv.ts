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

/**
 * Cuts a stream of rows into CSV chunks of `size` rows, so memory stays flat at any scale. Lines
 * are written into one reused byte buffer as they come, so each line's string dies young;
 * appending them to a string kept every line alive until the chunk was done, and the garbage
 * collector then spent half the seeding time moving them.
 */
export function* csvChunks(
  rows: Iterable<unknown[]>,
  size: number,
): Generator<{ csv: string; count: number }> {
  let buffer = Buffer.allocUnsafe(4 << 20);
  let used = 0;
  let count = 0;
  for (const row of rows) {
    const line = csvLine(row);
    const room = line.length * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (used + room > buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, used + room));
      buffer.copy(bigger, 0, 0, used);
      buffer = bigger;
    }
    used += buffer.write(line, used);
    if (++count === size) {
      yield { csv: buffer.toString('utf8', 0, used), count };
      used = 0;
      count = 0;
    }
  }
  if (count) yield { csv: buffer.toString('utf8', 0, used), count };
}
