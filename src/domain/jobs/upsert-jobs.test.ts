import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema';
import { systemActor } from '../../policy/actor';
import { buildEmployee, buildTeam, buildUnit } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { IngestProblems } from '../ingest/ingest-kind';
import { ZJobRow } from '../ingest/row-schemas';
import { upsertJobs } from './upsert-jobs';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const actor = systemActor('test');

describe('upsertJobs', () => {
  it('inserts, then changes nothing on the same rows, then updates only what differs', async () => {
    const team = await buildTeam(h.ctx.db);
    const unit = await buildUnit(h.ctx.db);
    const tech = await buildEmployee(h.ctx.db, { teamId: team.id });
    const rows = [1, 2, 3].map((n) =>
      ZJobRow.parse({
        externalId: `UJ-${n}`,
        journey: 'reparatie',
        unitExternalId: unit.externalId,
        teamCode: team.code,
        technicianExternalId: tech.externalId,
        completedAt: '05-03-2024 14:30',
        description: '<b>lekkage</b>',
      }),
    );
    expect(await upsertJobs({ db: h.ctx.db, actor, rows })).toEqual({
      inserted: 3,
      updated: 0,
      unchanged: 0,
    });
    expect(await upsertJobs({ db: h.ctx.db, actor, rows })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 3,
    });
    const [job] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'UJ-1'));
    expect(job).toMatchObject({
      journey: 'repair',
      status: 'completed',
      teamId: team.id,
      technicianId: tech.id,
      description: '<b>lekkage</b>',
    });
    expect(job!.completedAt!.toISOString()).toBe('2024-03-05T13:30:00.000Z');
    expect(job!.departmentId).toBe(team.departmentId);

    // an update that leaves out team and technician keeps them (history holds)
    const update = ZJobRow.parse({ externalId: 'UJ-1', journey: 'repair', trade: 'loodgieter' });
    expect(await upsertJobs({ db: h.ctx.db, actor, rows: [update] })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    const [after] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'UJ-1'));
    expect(after).toMatchObject({
      trade: 'loodgieter',
      teamId: team.id,
      technicianId: tech.id,
      status: 'completed',
    });
  });

  it('refuses unknown references and duplicates, writing nothing', async () => {
    const rows = [
      ZJobRow.parse({ externalId: 'BAD-1', journey: 'repair' }),
      ZJobRow.parse({ externalId: 'BAD-2', journey: 'repair', unitExternalId: 'no-such-unit' }),
    ];
    const err = await upsertJobs({ db: h.ctx.db, actor, rows }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestProblems);
    expect(err.problems).toEqual([
      { index: 1, field: 'unitExternalId', message: 'unknown unit "no-such-unit"' },
    ]);
    const dup = await upsertJobs({ db: h.ctx.db, actor, rows: [rows[0]!, rows[0]!] }).catch((e) => e);
    expect(dup.problems[0]).toMatchObject({ index: 1, field: 'externalId' });
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'BAD-1'))).toHaveLength(0);
  });

  // jobs has no row-level foreign keys (bulk speed): this set-based check is what keeps references sound
  it('refuses every kind of unknown reference, listing each, writing nothing', async () => {
    const row = (n: number, field: string) =>
      ZJobRow.parse({ externalId: `REF-${n}`, journey: 'repair', [field]: `nope-${n}` });
    const rows = [
      row(1, 'unitExternalId'),
      row(2, 'tenantExternalId'),
      row(3, 'teamCode'),
      row(4, 'technicianExternalId'),
      row(5, 'contractorExternalId'),
    ];
    const err = await upsertJobs({ db: h.ctx.db, actor, rows }).catch((e) => e);
    expect(err).toBeInstanceOf(IngestProblems);
    expect(err.problems).toEqual([
      { index: 0, field: 'unitExternalId', message: 'unknown unit "nope-1"' },
      { index: 1, field: 'tenantExternalId', message: 'unknown tenant "nope-2"' },
      { index: 2, field: 'teamCode', message: 'unknown team "nope-3"' },
      { index: 3, field: 'technicianExternalId', message: 'unknown technician "nope-4"' },
      { index: 4, field: 'contractorExternalId', message: 'unknown contractor "nope-5"' },
    ]);
    const written = await h.ctx.db.select().from(jobs).where(like(jobs.externalId, 'REF-%'));
    expect(written).toHaveLength(0);
  });

  it('keeps quotes, commas and new lines in texts through the bulk load', async () => {
    const description = 'Kraan "lekt", zie foto\nen bel: 06-1234';
    await upsertJobs({
      db: h.ctx.db,
      actor,
      rows: [ZJobRow.parse({ externalId: 'Q-1', journey: 'repair', description, trade: ' ' })],
    });
    const [q1] = await h.ctx.db.select().from(jobs).where(eq(jobs.externalId, 'Q-1'));
    expect(q1).toMatchObject({ description, trade: null, status: 'reported' });
  });
});
