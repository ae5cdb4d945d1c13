/**
 * A fast CSV splitter for the common, well-formed file (RFC 4180 quoting, `\n` or `\r\n` line ends),
 * with the line each record ends on, as csv-parse reports it. Anything irregular (a stray quote, a lone
 * `\r`, an unclosed quote) returns null and the caller lets csv-parse decide, so both readers agree.
 */
export function splitCsv(text: string, delimiter: string): Array<{ line: number; cells: string[] }> | null {
  const firstNewline = text.indexOf('\n');
  const crlf = firstNewline > 0 && text.charCodeAt(firstNewline - 1) === CR;
  if (text.indexOf('\r') !== -1 && !crlf) return null;
  const delim = delimiter.charCodeAt(0);
  const records: Array<{ line: number; cells: string[] }> = [];
  const end = text.length;
  let line = 1;
  let pos = 0;
  let cells: string[] = [];
  while (pos < end) {
    const c = text.charCodeAt(pos);
    let cell: string;
    if (c === QUOTE) {
      // quoted: "" is a quote; the closing quote must end the cell
      let from = pos + 1;
      cell = '';
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null;
        cell += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      // csv-parse counts lines inside quoted cells of CRLF files its own way: let it
      if (crlf && (cell.indexOf('\n') !== -1 || cell.indexOf('\r') !== -1)) return null;
      for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    } else {
      let stop = pos;
      for (; stop < end; stop++) {
        const d = text.charCodeAt(stop);
        if (d === delim || d === LF || d === CR) break;
        if (d === QUOTE) return null;
      }
      cell = text.slice(pos, stop);
      pos = stop;
    }
    cells.push(cell);
    const next = pos < end ? text.charCodeAt(pos) : LF;
    if (next === delim) {
      pos++;
      if (pos < end) continue;
      cells.push('');
    } else if (next === CR) {
      if (text.charCodeAt(pos + 1) !== LF) return null;
      pos++;
    } else if (next !== LF || (crlf && pos < end)) return null;
    pos++;
    // skip_empty_lines: a line with nothing on it is no record
    if (!(cells.length === 1 && cells[0] === '' && c !== QUOTE)) records.push({ line, cells });
    cells = [];
    line++;
  }
  return records;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
