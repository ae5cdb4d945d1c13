import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { openTestDatabase } from './database';
import { buildJob, buildWorld } from './factories';
import { captureTemplateState, resetToTemplate, type TemplateState } from './template-state';

/**
 * The reset that lets a worker's next test file reuse a database: after it, the database holds
 * what a new copy of the template holds, or the reset says it cannot.
 */
describe('resetting a test database to the template', () => {
  let database: Database;
  let template: TemplateState;
  const count = async (table: string) =>
    Number((await database.executeSql(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

  beforeAll(async () => {
    database = await openTestDatabase();
    template = await captureTemplateState(database.executeSql);
  });
  afterAll(async () => database?.close());

  it('knows every table, referencing tables before the tables they reference', () => {
    expect(template.ordered).toBe(true);
    const at = (table: string) => template.tables.indexOf(`public.${table}`);
    expect(at('jobs')).toBeGreaterThanOrEqual(0);
    expect(at('jobs')).toBeLessThan(at('teams'));
    expect(at('teams')).toBeLessThan(at('departments'));
    expect(template.tables.some((t) => t.startsWith('drizzle.'))).toBe(false);
  });

  it('empties the tables, rewinds the sequences and drops a schema a file added', async () => {
    const world = await buildWorld(database.db);
    const first = await buildJob(database.db, { teamId: world.teams.repairNorth.id });
    await database.executeSql('CREATE SCHEMA pgboss_like; CREATE TABLE pgboss_like.job (id int)');
    expect(await count('jobs')).toBeGreaterThan(0);

    expect(await resetToTemplate(database.executeSql, template)).toBe(true);

    for (const table of ['jobs', 'teams', 'departments', 'users']) expect(await count(table)).toBe(0);
    const schemas = await database.executeSql(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss_like'`);
    expect(schemas.rows).toEqual([]);
    // the ids start again where a new copy's start
    const again = await buildJob(database.db, {
      teamId: (await buildWorld(database.db)).teams.repairNorth.id,
    });
    expect(again.id).toBe(first.id);
    expect(await resetToTemplate(database.executeSql, template)).toBe(true);
    expect(await count('jobs')).toBe(0);
  });

  it('says so when a file changed the schema itself, so that database is not reused', async () => {
    await database.executeSql('ALTER TABLE teams ADD COLUMN colour text');
    expect(await resetToTemplate(database.executeSql, template)).toBe(false);
  });
});
