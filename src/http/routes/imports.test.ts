import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInHeaders, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
let admin: Record<string, string>;
beforeAll(async () => {
  h = await startHarness();
  admin = await signedInHeaders(h, 'admin');
});
afterAll(async () => h?.close());

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----achtplus-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
  headers = admin,
) => {
  const body = multipart(fields, file);
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
};

async function finished(id: number) {
  for (let i = 0; i < 600; i++) {
    const run = (await h.app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: admin })).json();
    if (run.status === 'done' || run.status === 'failed') return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

describe('POST /api/v1/imports', () => {
  const csv = Buffer.from('werkorder;klantreis;omschrijving\nH-1;repair;lekkage\nH-2;repair;deur\n');

  it('dry run answers columns, mapping, problems and a preview without writing', async () => {
    const res = await upload({ kind: 'jobs', dryRun: 'true' }, { name: 'jobs.csv', content: csv });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      columns: ['werkorder', 'klantreis', 'omschrijving'],
      totalRows: 2,
      problems: [],
    });
    expect(res.json().preview[0]).toEqual({ externalId: 'H-1', journey: 'repair', description: 'lekkage' });
  });

  it('imports in the background and reports the run', async () => {
    const res = await upload({ kind: 'jobs' }, { name: 'jobs.csv', content: csv });
    expect(res.statusCode).toBe(202);
    const run = await finished(res.json().id);
    expect(run).toMatchObject({
      status: 'done',
      totalRows: 2,
      processedRows: 2,
      inserted: 2,
      fileName: 'jobs.csv',
    });
    const list = (await h.app.inject({ method: 'GET', url: '/api/v1/imports', headers: admin })).json();
    expect(list.items[0].id).toBe(run.id);
  });

  it('names a bad kind and a missing file', async () => {
    const bad = await upload({ kind: 'auto' }, { name: 'x.csv', content: csv });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/kind/);
    expect(bad.json().issues).toEqual([expect.objectContaining({ field: 'body.kind' })]);
    const noFile = await upload({ kind: 'jobs' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toMatch(/file/);
  });

  it('is for admins only', async () => {
    const lead = await signedInHeaders(h, 'team_leader');
    expect((await upload({ kind: 'jobs' }, { name: 'jobs.csv', content: csv }, lead)).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/imports', headers: lead })).statusCode).toBe(
      403,
    );
  });

  it('imports a 50 MB file and refuses one over 60 MB with 413', async () => {
    const description = 'Lekkage in badkamer, tegels los. '.repeat(80); // ~2.6 kB
    const lines = ['werkorder,klantreis,omschrijving'];
    let size = 0;
    for (let i = 0; size < 50 * 1024 * 1024; i++) {
      const line = `BIG-${i},repair,"${description}"`;
      lines.push(line);
      size += line.length + 1;
    }
    const big = Buffer.from(lines.join('\n'));
    const res = await upload({ kind: 'jobs' }, { name: 'big.csv', content: big });
    expect(res.statusCode).toBe(202);
    const run = await finished(res.json().id);
    expect(run).toMatchObject({ status: 'done', inserted: lines.length - 1 });

    const tooBig = await upload(
      { kind: 'jobs' },
      { name: 'huge.csv', content: Buffer.alloc(61 * 1024 * 1024, 'a') },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().message).toMatch(/60 MB/);
  }, 120_000);
});
