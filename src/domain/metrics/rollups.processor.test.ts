import { and, eq, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { domainEventProcessing, domainEvents } from '../../db/schema';
import type { JobDefinition } from '../../jobs/definitions';
import { eventProcessorJob } from '../../jobs/events.process';
import { startWorker } from '../../jobs/worker';
import { buildEmployee, buildJob, buildTeam } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildResponse } from '../../test/survey-factories';
import { rowsOf } from '../ingest/upsert-sql';
import { rollupsProcessor } from './rollups.processor';

let h: TestHarness;
let worker: PgBoss | undefined;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await worker?.stop({ graceful: false, wait: true });
  await h?.close();
});

it('a submitted response reaches the week and month rollups once, through its event and the worker', async () => {
  const db = h.ctx.db;
  const team = await buildTeam(db);
  const technician = await buildEmployee(db, { teamId: team.id });
  const job = await buildJob(db, { teamId: team.id, technicianId: technician.id });
  const response = await buildResponse(db, job, { grade: 9, nps: 10 });
  // as the submission writes it, in its transaction
  const [event] = await db
    .insert(domainEvents)
    .values({
      type: 'response.submitted',
      subjectType: 'response',
      subjectId: String(response.id),
      payload: {},
    })
    .returning();
  worker = await startWorker(h.ctx, {
    work: true,
    definitions: [eventProcessorJob(rollupsProcessor) as unknown as JobDefinition],
  });
  await expect
    .poll(
      async () =>
        (
          await db
            .select({ state: domainEventProcessing.state })
            .from(domainEventProcessing)
            .where(
              and(
                eq(domainEventProcessing.eventId, event!.id),
                eq(domainEventProcessing.processor, 'metrics.rollups'),
              ),
            )
        )[0]?.state,
      { timeout: 120_000, interval: 250 },
    )
    .toBe('done');
  const rollups = await rowsOf<{
    grain: string;
    responses: number;
    grade_sum: number;
    nps_promoters: number;
  }>(
    db,
    sql`SELECT grain, responses, grade_sum, nps_promoters FROM response_rollups WHERE team_id = ${team.id} ORDER BY grain`,
  );
  expect(rollups).toEqual([
    { grain: 'month', responses: 1, grade_sum: 9, nps_promoters: 1 },
    { grain: 'week', responses: 1, grade_sum: 9, nps_promoters: 1 },
  ]);
  const [marked] = await rowsOf<{ rolled_up: boolean }>(
    db,
    sql`SELECT rolled_up FROM responses WHERE id = ${response.id}`,
  );
  expect(marked?.rolled_up).toBe(true);
});
