import { createRequire } from 'node:module';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { importRuns, jobs } from '../../db/schema';
import type { JobDefinition } from '../../jobs/definitions';
import { importsRun } from '../../jobs/imports.run';
import { startWorker } from '../../jobs/worker';
import { signedInHeaders, startHarness, type TestHarness } from '../../test/harness';
import { readTable, UnreadableFile } from './read-table';
import { MAX_XLSX_PARTS, xlsxUnpackProblem } from './xlsx-bounds';

let h: TestHarness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInHeaders(h, 'admin');
});
afterAll(async () => h?.close());

interface Part {
  name: string;
  /** raw deflate (method 8) or stored bytes (method 0) */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** A zip written out by hand, so a part can carry a deflate stream built without its content in memory. */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const deflated = (name: string, content: Buffer): Part => ({
  name,
  data: deflateRawSync(content),
  method: 8,
  crc: crc32(content),
  size: content.length,
});

/** The parts of a real workbook (exceljs's own), with two job rows on its first sheet. */
async function workbookParts(): Promise<Part[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Opdrachten');
  ws.addRow(['werkorder', 'klantreis', 'omschrijving']);
  ws.addRow(['XB-1', 'repair', 'lekkage']);
  ws.addRow(['XB-2', 'repair', 'deur klemt']);
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const parts: Part[] = [];
  for (const f of Object.values(zip.files))
    if (!f.dir) parts.push(deflated(f.name, await f.async('nodebuffer')));
  return parts;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const MB = 1024 * 1024;

/**
 * The same workbook whose sheet carries `megabytes` MB of spaces inside <sheetData> (valid XML: exceljs
 * would read it and import the two rows). Each piece is deflated on its own and fully flushed, so the
 * stream is the pieces one after another and one compressed megabyte is repeated, never the content.
 * `declare` is the size the zip states for the sheet: the true one, or a lie.
 */
async function bomb(megabytes: number, declare: 'true size' | 'small' = 'true size') {
  const parts = await workbookParts();
  const sheet = parts.find((p) => p.name === SHEET)!;
  const xml = (await JSZip.loadAsync(zipOf(parts))).file(SHEET)!;
  const text = await xml.async('string');
  const cut = text.indexOf('</sheetData>');
  const head = Buffer.from(text.slice(0, cut));
  const tail = Buffer.from(text.slice(cut));
  const spaces = Buffer.alloc(MB, ' ');
  const flushed = { finishFlush: constants.Z_FULL_FLUSH };
  const oneMb = deflateRawSync(spaces, flushed);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
  crc = crc32(tail, crc);
  sheet.data = Buffer.concat([
    deflateRawSync(head, flushed),
    ...Array.from({ length: megabytes }, () => oneMb),
    deflateRawSync(tail),
  ]);
  sheet.crc = crc;
  sheet.size = declare === 'true size' ? head.length + megabytes * MB + tail.length : text.length;
  return zipOf(parts);
}

type PakoInflate = { prototype: { push(...args: unknown[]): boolean } };
/**
 * Counts the bytes unpacked from here on: JSZip — in the check and inside exceljs — inflates with pako
 * (jszip/lib/flate.js), so the growth of each pako inflater's total_out is what was unpacked, whatever
 * the machine's speed. (The tests below that must inflate check that the count grows, so a JSZip that
 * stopped using pako fails them instead of passing the ones that must not inflate.)
 */
function countInflatedBytes() {
  const { Inflate } = createRequire(import.meta.url)('pako') as { Inflate: PakoInflate };
  const push = Inflate.prototype.push;
  let bytes = 0;
  vi.spyOn(Inflate.prototype, 'push').mockImplementation(function (
    this: { strm: { total_out: number } },
    ...args: unknown[]
  ) {
    const before = this.strm.total_out;
    const more = push.apply(this, args);
    bytes += this.strm.total_out - before;
    return more;
  });
  return () => bytes;
}

describe('xlsx zip bombs', () => {
  it('refuses a sheet that declares 300 MB, before inflating anything', async () => {
    const bytes = await bomb(300);
    expect(bytes.length).toBeLessThan(1 * MB);
    const inflated = countInflatedBytes();
    expect(await xlsxUnpackProblem(bytes)).toBe(
      'the spreadsheet unpacks to more than 32 MB; save it as CSV or split it into smaller files',
    );
    await expect(readTable(bytes)).rejects.toThrow(
      new UnreadableFile(
        'The spreadsheet unpacks to more than 32 MB; save it as CSV or split it into smaller files.',
      ),
    );
    // neither the check nor exceljs unpacked a byte: the declared sizes alone refused it
    expect(inflated()).toBe(0);
  });

  it('refuses a sheet that inflates to far more than it declares, stopping early', async () => {
    const bytes = await bomb(300, 'small');
    const inflated = countInflatedBytes();
    expect(await xlsxUnpackProblem(bytes)).toMatch(/unpacks to more than its parts declare/);
    await expect(readTable(bytes)).rejects.toThrow(/unpacks to more than its parts declare/);
    // of the 300 MB it holds, the check unpacked one read of its input (JSZip reads 16 KB of deflate
    // at a time, here 16 MB of spaces) past the few kilobytes declared, and exceljs nothing
    expect(inflated()).toBeGreaterThan(0);
    expect(inflated()).toBeLessThan(17 * MB);
  });

  it(`refuses more than ${MAX_XLSX_PARTS} parts`, async () => {
    const empty = { data: Buffer.alloc(0), method: 0 as const, crc: 0, size: 0 };
    const parts = Array.from({ length: MAX_XLSX_PARTS + 1 }, (_, i) => ({ name: `p/${i}`, ...empty }));
    expect(await xlsxUnpackProblem(zipOf(parts))).toMatch(/more than 10000 parts/);
  });

  it('leaves an ordinary workbook, a real one of 20 MB unpacked, and CSV alone', async () => {
    const ordinary = zipOf(await workbookParts());
    expect(await xlsxUnpackProblem(ordinary)).toBeNull();
    expect((await readTable(ordinary)).rows.map((r) => r.cells[0])).toEqual(['XB-1', 'XB-2']);
    const real = await bomb(20);
    const inflated = countInflatedBytes();
    expect(await xlsxUnpackProblem(real)).toBeNull();
    // a workbook within the bound is unpacked once, all of it, to count its bytes
    expect(inflated()).toBeGreaterThan(20 * MB);
    expect(await xlsxUnpackProblem(Buffer.from('PK;a;b\n1;2;3\n'))).toBeNull();
  });

  it('a corrupt zip is left to exceljs, which says it cannot be opened', async () => {
    const bytes = zipOf(await workbookParts());
    const broken = bytes.subarray(0, bytes.length - 30);
    expect(await xlsxUnpackProblem(broken)).toBeNull();
    await expect(readTable(broken)).rejects.toThrow(/cannot be opened/);
  });
});

describe('POST /api/v1/imports with an xlsx zip bomb', () => {
  const upload = (name: string, content: Buffer, fields: Record<string, string>) => {
    const boundary = '----achtplus-zip-bomb';
    const payload = Buffer.concat([
      ...Object.entries(fields).map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return h.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload,
      headers: { ...admin, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const runCount = async () => (await h.ctx.db.select({ n: count() }).from(importRuns))[0]!.n;

  it('answers 400 naming the file, for a run and a dry run, and records nothing', async () => {
    const bombs = [
      [await bomb(300), /^body\.file: the spreadsheet unpacks to more than 32 MB; save it as CSV/],
      [await bomb(300, 'small'), /^body\.file: the spreadsheet unpacks to more than its parts declare/],
    ] as const;
    const before = await runCount();
    for (const [bytes, message] of bombs)
      for (const fields of [{ kind: 'jobs' }, { kind: 'jobs', dryRun: 'true' }] as Record<string, string>[]) {
        const res = await upload('opdrachten.xlsx', bytes, fields);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ error: 'invalid_request', issues: [{ field: 'body.file' }] });
        expect(res.json().message).toMatch(message);
      }
    expect(await runCount()).toBe(before);
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'XB-1'))).toEqual([]);
  });

  it('still imports an ordinary workbook', { timeout: 150_000 }, async () => {
    // uploads are run by a worker (imports.run)
    const worker = await startWorker(h.ctx, { work: true, definitions: [importsRun as JobDefinition] });
    onTestFinished(() => worker.stop({ graceful: false, wait: true }));
    const res = await upload('opdrachten.xlsx', zipOf(await workbookParts()), { kind: 'jobs' });
    expect(res.statusCode).toBe(202);
    // the run ends when it ends: poll for that, with a deadline only a stuck run reaches
    const deadline = Date.now() + 120_000;
    let run: { status: string; inserted?: number } = { status: 'queued' };
    while (['queued', 'validating', 'importing'].includes(run.status)) {
      if (Date.now() > deadline)
        throw new Error(`the import did not finish in 120 s: ${JSON.stringify(run)}`);
      await new Promise((r) => setTimeout(r, 50));
      const got = await h.app.inject({
        method: 'GET',
        url: `/api/v1/imports/${res.json().id}`,
        headers: admin,
      });
      run = got.json();
    }
    expect(run).toMatchObject({ status: 'done', inserted: 2 });
  });
});
