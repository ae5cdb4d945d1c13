import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { splitCsv } from './split-csv';
import { xlsxUnpackProblem } from './xlsx-bounds';

/** A file read into a header and rows of text cells, with the line each row came from. */
export interface Table {
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string | null;
  columns: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

export class UnreadableFile extends Error {}

/** Reads CSV (any of , ; tab; UTF-8 with or without BOM, or Windows-1252/Latin-1) or XLSX (first sheet). */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  const { text, encoding } = decode(bytes);
  const delimiter = sniffDelimiter(text);
  const rows = splitCsv(text, delimiter) ?? parseIrregular(text, delimiter);
  const header = rows.shift();
  if (!header) throw new UnreadableFile('The file is empty.');
  return { format: 'csv', encoding, delimiter, columns: header.cells.map((c) => c.trim()), rows };
}

/** csv-parse, lenient, for what the fast splitter leaves alone (stray quotes, odd line ends). */
function parseIrregular(text: string, delimiter: string): Table['rows'] {
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (err) {
    throw new UnreadableFile(`The file cannot be read as CSV: ${(err as Error).message}`);
  }
}

/** UTF-8 when it decodes cleanly (Excel's BOM stripped); otherwise what chardet says, Windows-1252 by default. */
export function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'UTF-8 (BOM)' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: iconv.decode(bytes.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    const guess = chardet.detect(bytes.subarray(0, 65_536)) ?? 'windows-1252';
    // Latin-1 files from Dutch Excel are in practice Windows-1252 (€, curly quotes); it is a superset
    const encoding =
      /^(ISO-8859-1|windows-1252|ISO-8859-15)$/i.test(guess) || !iconv.encodingExists(guess)
        ? 'windows-1252'
        : guess;
    return { text: iconv.decode(bytes, encoding), encoding };
  }
}

/** The candidate delimiter seen most often outside quotes on the header line. */
export function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  // a zip bomb is refused before exceljs inflates it (see xlsx-bounds.ts)
  const problem = await xlsxUnpackProblem(bytes);
  if (problem) throw new UnreadableFile(`${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as never);
  } catch {
    throw new UnreadableFile('The file looks like XLSX but cannot be opened.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    throw new UnreadableFile('The workbook has no rows on its first sheet.');
  let columns: string[] | null = null;
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (!columns) columns = values.map((v) => v.trim());
    else rows.push({ line, cells: values });
  });
  return { format: 'xlsx', encoding: 'xlsx', delimiter: null, columns: columns ?? [], rows };
}

/** Excel dates have no time zone: their wall time is written out and read as Amsterdam time. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return '';
  }
  return String(value);
}
