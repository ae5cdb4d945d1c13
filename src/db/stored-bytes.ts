import pg from 'pg';

/**
 * A file's bytes in and out of a bytea column, on either driver, through the connection of `dbOrTx`
 * (the database or a drizzle transaction). PGlite passes a bytea parameter and result as hex text:
 * 50 MB took 27 s in and 10 s out; through its /dev/blob file (pg_read_binary_file in, binary COPY
 * out) about 0.8 s and 0.3 s. PostgreSQL takes a Buffer parameter as it is. `table`, `column` and `key` are names from the
 * code, never from input.
 */
export async function writeBytes(
  dbOrTx: unknown,
  where: { table: string; column: string; key: string; value: number },
  bytes: Buffer,
) {
  const client = clientOf(dbOrTx);
  const target = `UPDATE ${where.table} SET ${where.column} = `;
  if (isPostgres(client)) {
    await client.query(`${target}$2 WHERE ${where.key} = $1`, [where.value, bytes]);
    return;
  }
  await client.query(`${target}pg_read_binary_file('/dev/blob') WHERE ${where.key} = $1`, [where.value], {
    blob: new Blob([bytes as Uint8Array<ArrayBuffer>]),
  });
}

/** The bytes of one row's bytea column, or null without such a row. */
export async function readBytes(
  dbOrTx: unknown,
  where: { table: string; column: string; key: string; value: number },
): Promise<Buffer | null> {
  const client = clientOf(dbOrTx);
  if (isPostgres(client)) {
    const { rows } = await client.query(
      `SELECT ${where.column} AS b FROM ${where.table} WHERE ${where.key} = $1`,
      [where.value],
    );
    return rows.length ? (rows[0].b as Buffer) : null;
  }
  // COPY takes no parameters; the key is an integer, checked
  if (!Number.isSafeInteger(where.value)) throw new Error(`not an integer key: ${where.value}`);
  const result = (await client.query(
    `COPY (SELECT ${where.column} FROM ${where.table} WHERE ${where.key} = ${where.value}) TO '/dev/blob' WITH (FORMAT binary)`,
  )) as { blob?: Blob };
  return result.blob ? firstFieldOfBinaryCopy(Buffer.from(await result.blob.arrayBuffer())) : null;
}

/**
 * The first field of the first row of PostgreSQL's binary COPY format: an 11-byte signature, flags
 * and a header extension, then per row a field count and per field a length (-1 for NULL) and the bytes.
 */
function firstFieldOfBinaryCopy(copy: Buffer): Buffer | null {
  const start = 11 + 4 + 4 + copy.readInt32BE(15);
  if (copy.readInt16BE(start) === -1) return null; // no rows
  const length = copy.readInt32BE(start + 2);
  return length < 0 ? null : copy.subarray(start + 6, start + 6 + length);
}

type Client = { query(text: string, values?: unknown[], options?: object): Promise<{ rows: any[] }> };

function clientOf(dbOrTx: unknown): Client {
  const client = (dbOrTx as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('stored bytes need a drizzle database or transaction');
  return client as Client;
}

const isPostgres = (client: Client) => client instanceof pg.Pool || client instanceof pg.Client;
