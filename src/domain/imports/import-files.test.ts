import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobs } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildTeam, buildUnit } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { dryRunImport } from './dry-run-import';
import { importFile } from './run-import';

let h: TestHarness;
let unitId: string;
let teamCode: string;
beforeAll(async () => {
  h = await startHarness();
  unitId = (await buildUnit(h.ctx.db)).externalId;
  teamCode = (await buildTeam(h.ctx.db)).code;
});
afterAll(async () => h?.close());
const actor = systemActor('test');
const dry = (text: string | Buffer, mapping?: Record<string, string>) =>
  dryRunImport({
    db: h.ctx.db,
    actor,
    kind: 'jobs',
    bytes: Buffer.isBuffer(text) ? text : Buffer.from(text),
    mapping,
  });

describe('reading import files', () => {
  it('reads a Dutch Excel CSV (semicolons, BOM, Dutch headers and dates) and imports it once', async () => {
    const csv = `\ufeffWerkorder;Klantreis;VHE;Team;Omschrijving;Afgemeld\nW-1;reparatie;${unitId};${teamCode};"Kraan <script>x</script>; lekt";05-03-2024 14:30\nW-2;repair;${unitId};${teamCode};Deur;2024-03-06\n`;
    const result = await dry(csv);
    expect(result.problems).toEqual([]);
    expect(result.mapping).toMatchObject({
      externalId: 'Werkorder',
      journey: 'Klantreis',
      unitExternalId: 'VHE',
      completedAt: 'Afgemeld',
    });
    expect(result.totalRows).toBe(2);
    const bytes = Buffer.from(csv);
    const run = await importFile({ db: h.ctx.db, actor, kind: 'jobs', fileName: 'jobs.csv', bytes });
    expect(run).toMatchObject({ status: 'done', inserted: 2, processedRows: 2 });
    const again = await importFile({ db: h.ctx.db, actor, kind: 'jobs', fileName: 'jobs.csv', bytes });
    expect(again).toMatchObject({ status: 'done', inserted: 0, updated: 0, unchanged: 2 });
    const [w1] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'W-1'));
    expect(w1!.description).toBe('Kraan <script>x</script>; lekt');
    expect(w1!.completedAt!.toISOString()).toBe('2024-03-05T13:30:00.000Z');
    const audits = await h.ctx.db.select().from(auditLog).where(eq(auditLog.action, 'import.completed'));
    expect(audits.length).toBe(2);
  });

  it('reports a wrong delimiter as a file problem', async () => {
    const result = await dry('werkorder|klantreis\nW-9|repair\n');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toMatch(/delimiter/i);
  });

  it('names a missing required column', async () => {
    const result = await dry('werkorder,omschrijving\nW-9,lekkage\n');
    expect(result.problems).toEqual([expect.objectContaining({ line: 1, column: 'journey' })]);
  });

  it('lists every bad date, bad enum, duplicate and unknown reference by line and column', async () => {
    const csv = [
      'werkorder,klantreis,vhe,afgemeld',
      'D-1,repair,,31-02-2024',
      'D-2,reparatie,,2024-13-01',
      'D-3,verbouwing,,',
      'D-1,repair,,',
      'D-5,repair,VHE-BESTAAT-NIET,',
    ].join('\n');
    const { problems } = await dry(csv);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'afgemeld'],
      [3, 'afgemeld'],
      [4, 'klantreis'],
      [5, 'werkorder'],
      [6, 'vhe'],
    ]);
    expect(problems[3]!.message).toMatch(/duplicate.*line 2/);
    const run = await importFile({
      db: h.ctx.db,
      actor,
      kind: 'jobs',
      fileName: 'bad.csv',
      bytes: Buffer.from(csv),
    });
    expect(run.status).toBe('failed');
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'D-2'))).toHaveLength(0);
  });

  it('converts Windows-1252 text: é arrives as é', async () => {
    const csv = `werkorder;klantreis;omschrijving\nE-1;repair;Caf\u00e9 \u20ac5 ge\u00efnstalleerd\n`;
    const bytes = iconv.encode(csv, 'win1252');
    expect(bytes.includes(Buffer.from('é'))).toBe(false);
    const run = await importFile({ db: h.ctx.db, actor, kind: 'jobs', fileName: 'latin.csv', bytes });
    expect(run.status).toBe('done');
    const [e1] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'E-1'));
    expect(e1!.description).toBe('Café €5 geïnstalleerd');
  });

  it('reads XLSX, Excel dates as Amsterdam wall time', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Klussen');
    sheet.addRow(['Werkorder', 'Klantreis', 'Gereed']);
    sheet.addRow(['X-1', 'planmatig', new Date(Date.UTC(2024, 6, 1, 9, 15))]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const run = await importFile({ db: h.ctx.db, actor, kind: 'jobs', fileName: 'jobs.xlsx', bytes });
    expect(run).toMatchObject({ status: 'done', inserted: 1 });
    const [x1] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'X-1'));
    expect(x1).toMatchObject({ journey: 'planned', status: 'completed' });
    expect(x1!.completedAt!.toISOString()).toBe('2024-07-01T07:15:00.000Z');
  });

  it('lets an explicit mapping override the suggestion', async () => {
    const result = await dry('nr,soort,klus\nM-1,repair,M-1\n', { externalId: 'klus' });
    expect(result.mapping.externalId).toBe('klus');
    expect(result.problems).toEqual([]);
  });
});
