import pg from 'pg';

/** Raw SQL on one connection, the shape pg-boss accepts as its `db` option. */
export interface SqlConnection {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * The connection of the transaction `tx` (a drizzle transaction on either driver) as pg-boss's `db`
 * option: a job sent through it is queued in that transaction, so it exists exactly when the
 * transaction's own writes do (pg-boss's tables live in the same database).
 */
export function sqlInTransaction(tx: unknown): SqlConnection {
  const client = (tx as { session?: { client?: unknown } }).session?.client as
    | { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }
    | undefined;
  if (!client || client instanceof pg.Pool) throw new Error('sqlInTransaction needs a transaction');
  return {
    async executeSql(text, values) {
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
  };
}
