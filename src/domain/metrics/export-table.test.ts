import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, neutralised } from './export-table';

const table = {
  title: 'achtplus reacties',
  sheet: 'Reacties',
  columns: ['toelichting', 'NPS'],
  rows: [
    ['=HYPERLINK("http://x","klik")', -24],
    ['+31 6 1234', 7],
    ['-weg', null],
    ['@SUM(A1)', 0],
    ['\tverborgen', 1],
    ['gewoon "goed"; prima', 10],
  ],
};

describe('exports neutralise what a spreadsheet would run', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe, and leaves numbers alone', () => {
    expect(neutralised('=1+1')).toBe("'=1+1");
    expect(neutralised('-2')).toBe("'-2");
    expect(neutralised('\rx')).toBe("'\rx");
    expect(neutralised('goed')).toBe('goed');
    expect(neutralised(-24)).toBe(-24);
    expect(neutralised(null)).toBe(null);
  });

  it('CSV: BOM, semicolons, quoted where needed, every risky cell neutralised', async () => {
    const csv = (await exportTable(table, 'csv')).toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('toelichting;NPS');
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"",""klik"")";-24`);
    expect(lines[3]).toBe("'+31 6 1234;7");
    expect(lines[4]).toBe("'-weg;");
    expect(lines[5]).toBe("'@SUM(A1);0");
    expect(lines[7]).toBe('"gewoon ""goed""; prima";10');
  });

  it('XLSX: a sheet whose text cells are neutralised strings and whose numbers are numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportTable(table, 'xlsx')) as never);
    const sheet = book.getWorksheet('Reacties')!;
    expect(sheet.getCell('A1').value).toBe('achtplus reacties');
    expect(sheet.getCell('A3').value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(sheet.getCell('A3').formula).toBeUndefined();
    expect(sheet.getCell('B3').value).toBe(-24);
    expect(sheet.getCell('A6').value).toBe("'@SUM(A1)");
  });
});
