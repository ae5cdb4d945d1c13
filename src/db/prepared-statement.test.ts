import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/database';
import type { Database } from './client';
import { runPrepared } from './prepared-statement';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.executeSql(
    'CREATE TABLE prepared_probe (id serial PRIMARY KEY, label text NOT NULL, n integer)',
  );
});
afterAll(async () => database?.close());

const INSERT = {
  name: 'test_prepared_probe_insert',
  types: ['text', 'text'],
  text: 'INSERT INTO prepared_probe (label, n) VALUES ($1, $2::integer) RETURNING id, label, n',
};

describe('runPrepared', () => {
  it('passes any text as itself, every time', async () => {
    const tricky = `O'Brien'); DROP TABLE prepared_probe; -- \\ $$ "x" ’ 🙂\nline`;
    for (let i = 0; i < 3; i++) {
      const [row] = await runPrepared<{ id: number; label: string; n: number }>(database.db, INSERT, [
        tricky,
        String(i),
      ]);
      expect(row).toMatchObject({ label: tricky, n: i });
    }
    const { rows } = await database.executeSql('SELECT count(*)::int AS n FROM prepared_probe');
    expect(rows[0].n).toBe(3);
  });

  it('refuses a NUL character instead of cutting the text short', async () => {
    await expect(runPrepared(database.db, INSERT, ['a\u0000b', '1'])).rejects.toThrow();
  });

  it('runs inside a transaction, which rolls it back with the rest', async () => {
    const before = (await database.executeSql('SELECT count(*)::int AS n FROM prepared_probe')).rows[0].n;
    await expect(
      database.db.transaction(async (tx) => {
        const [row] = await runPrepared<{ label: string }>(tx, INSERT, ['in a transaction', '7']);
        expect(row!.label).toBe('in a transaction');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = (await database.executeSql('SELECT count(*)::int AS n FROM prepared_probe')).rows[0].n;
    expect(after).toBe(before);
  });

  it('prepares again when the session forgot the statement', async () => {
    await runPrepared(database.db, INSERT, ['before', '1']);
    if (database.kind === 'pglite') await database.executeSql('DEALLOCATE ALL');
    const [row] = await runPrepared<{ label: string }>(database.db, INSERT, ['after', '2']);
    expect(row!.label).toBe('after');
  });
});
