import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client';

/**
 * Runs one SQL statement as a prepared statement, so the server parses and plans it once per
 * connection instead of on every call (for the survey submission's INSERT…SELECT that was most of
 * its cost). `text` uses $1, $2, … and every parameter is text (cast in the statement).
 *
 * - PostgreSQL (node-postgres pool): a named statement; the driver prepares it on each pooled
 *   connection the first time that connection runs it.
 * - PGlite (one session per database): `PREPARE` once, then `EXECUTE` with the parameters as
 *   string literals (EXECUTE takes no bind parameters). Quotes are doubled; with
 *   standard_conforming_strings (on since PostgreSQL 9.1, never changed here) nothing else in a
 *   literal is special, so any text is passed as itself.
 * - Anything else (a transaction object): an ordinary parameterised statement.
 */
export async function runPrepared<Row>(
  db: Db,
  statement: { name: string; text: string; types: string[] },
  params: string[],
): Promise<Row[]> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    const result = await client.query({ name: statement.name, text: statement.text, values: params });
    return result.rows as Row[];
  }
  if (client instanceof PGlite) {
    const execute = `EXECUTE ${statement.name}(${params.map(literal).join(', ')})`;
    await preparedOn(client, statement);
    try {
      return (await client.query(execute)).rows as Row[];
    } catch (err) {
      // the session forgot it (DEALLOCATE, DISCARD ALL): prepare again, once
      if ((err as { code?: string }).code !== '26000') throw err;
      preparedByClient.get(client)?.delete(statement.name);
      await preparedOn(client, statement);
      return (await client.query(execute)).rows as Row[];
    }
  }
  const result = (await db.execute(withParams(statement.text, params))) as unknown as { rows: Row[] };
  return result.rows;
}

const preparedByClient = new WeakMap<PGlite, Map<string, Promise<unknown>>>();

function preparedOn(client: PGlite, statement: { name: string; text: string; types: string[] }) {
  const prepared = preparedByClient.get(client) ?? new Map<string, Promise<unknown>>();
  preparedByClient.set(client, prepared);
  let done = prepared.get(statement.name);
  if (!done) {
    done = client
      .query(`PREPARE ${statement.name}(${statement.types.join(', ')}) AS ${statement.text}`)
      .catch((err) => {
        prepared.delete(statement.name); // the next call tries again
        throw err;
      });
    prepared.set(statement.name, done);
  }
  return done;
}

function literal(value: string) {
  if (value.includes('\u0000')) throw new Error('a statement parameter may not contain NUL');
  return `'${value.replaceAll("'", "''")}'`;
}

/** `text` with $n placeholders as a drizzle SQL object carrying the parameters. */
function withParams(text: string, params: string[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, i) => {
    chunks.push(i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`);
  });
  return sql.join(chunks);
}
