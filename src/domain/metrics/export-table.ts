import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export type ExportFormat = 'csv' | 'xlsx';

/** A table as it is exported: a title line (the scope and period), column headers, rows. */
export interface ExportTable {
  title: string;
  sheet: string;
  columns: string[];
  rows: Cell[][];
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) gets a
 * leading apostrophe (OWASP's CSV-injection advice): a tenant's comment "=HYPERLINK(…)" stays text.
 * Numbers stay numbers.
 */
export function neutralised(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The table as CSV (UTF-8 with BOM, so Excel reads the accents; semicolons, as Dutch Excel expects) or XLSX. */
export async function exportTable(table: ExportTable, format: ExportFormat): Promise<Buffer> {
  const lines = [[table.title], table.columns, ...table.rows].map((row) => row.map(neutralised));
  if (format === 'csv')
    return Buffer.from(`\uFEFF${stringify(lines, { delimiter: ';', record_delimiter: 'windows' })}`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31));
  for (const line of lines) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
