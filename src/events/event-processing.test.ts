import { and, count, eq, inArray } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, domainEventProcessing, domainEvents } from '../db/schema';
import type { JobDefinition } from '../jobs/definitions';
import { eventProcessorJob } from '../jobs/events.process';
import { startWorker } from '../jobs/worker';
import { signedInHeaders, startHarness, type TestHarness } from '../test/harness';
import { type EventProcessor, processorQueue } from './event-processor';

let h: TestHarness;
let workers: PgBoss[] = [];
beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  for (const worker of workers) await worker.stop({ graceful: false, wait: true });
  workers = [];
});
afterAll(async () => h?.close());

/** Events as the submission writes them (the processors do not care who wrote them). */
async function writeEvents(n: number) {
  const rows = await h.ctx.db
    .insert(domainEvents)
    .values(
      Array.from({ length: n }, (_, i) => ({
        type: 'response.submitted',
        subjectType: 'response',
        subjectId: String(1000 + i),
        payload: { grade: 7 },
      })),
    )
    .returning({ id: domainEvents.id });
  return rows.map((r) => Number(r.id));
}

/** A test-only processor: counts its calls and writes one audit row per event through the transaction. */
function countingProcessor(id: string, opts: { failFirstTryOf?: number[]; alwaysFail?: boolean } = {}) {
  const calls = new Map<number, number>();
  const processor: EventProcessor = {
    id,
    events: ['response.submitted'],
    retry: { attempts: 3, delaySeconds: 1 },
    async handle(_ctx, event, tx) {
      const call = (calls.get(event.id) ?? 0) + 1;
      calls.set(event.id, call);
      await tx.insert(auditLog).values({ action: id, subjectType: 'event', subjectId: String(event.id) });
      if (opts.alwaysFail) throw new Error(`no rule matches event ${event.id}`);
      // thrown after its write: that write must be rolled back with the try
      if (call === 1 && opts.failFirstTryOf?.includes(event.id)) throw new Error('first try fails');
    },
  };
  return { processor, calls };
}

const work = async (...processors: EventProcessor[]) => {
  const worker = await startWorker(h.ctx, {
    work: true,
    definitions: processors.map((p) => eventProcessorJob(p) as unknown as JobDefinition),
  });
  workers.push(worker);
  return worker;
};

const processing = (processor: string, eventIds: number[]) =>
  h.ctx.db
    .select()
    .from(domainEventProcessing)
    .where(
      and(eq(domainEventProcessing.processor, processor), inArray(domainEventProcessing.eventId, eventIds)),
    );

/** The audit rows the processor wrote per event: its own writes, committed with the mark. */
async function writesOf(processor: string, eventIds: number[]) {
  const rows = await h.ctx.db
    .select({ subjectId: auditLog.subjectId, n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, processor), inArray(auditLog.subjectId, eventIds.map(String))))
    .groupBy(auditLog.subjectId);
  return Object.fromEntries(rows.map((r) => [Number(r.subjectId), r.n]));
}

async function until(condition: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 90_000; // generous for a busy 2-core machine
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not within 90 s: ${what}`);
}

const allIn = (state: string, n: number) => (rows: Array<{ state: string }>) =>
  rows.length === n && rows.every((r) => r.state === state);

describe('domain events handed to processors', () => {
  it('processes events written while no worker ran, each once, across a retry and a duplicate job', async () => {
    const events = await writeEvents(3);
    const flaky = events[1]!;
    const { processor, calls } = countingProcessor('test.counting', { failFirstTryOf: [flaky] });
    const worker = await work(processor);
    await until(async () => allIn('done', 3)(await processing(processor.id, events)), 'all three done');

    const rows = await processing(processor.id, events);
    expect(Object.fromEntries(rows.map((r) => [r.eventId, r.attempts]))).toEqual({
      [events[0]!]: 1,
      [flaky]: 2,
      [events[2]!]: 1,
    });
    expect(calls.get(flaky)).toBe(2);
    // the failed try's write went with its rollback
    expect(await writesOf(processor.id, events)).toEqual({ [events[0]!]: 1, [flaky]: 1, [events[2]!]: 1 });

    // the same event handed out once more (another process's sweep, an admin's replay): a no-op
    const duplicate = await worker.send(processorQueue(processor), { eventId: events[0] });
    await until(
      async () => (await worker.getJobById(processorQueue(processor), duplicate!))?.state === 'completed',
      'the duplicate job completed',
    );
    expect(calls.get(events[0]!)).toBe(1);
    expect(await writesOf(processor.id, [events[0]!])).toEqual({ [events[0]!]: 1 });
  });

  it('shows a processor that keeps failing as failed, with its error, to admins only', async () => {
    const [event] = await writeEvents(1);
    const { processor, calls } = countingProcessor('test.broken', { alwaysFail: true });
    await work(processor);
    await until(async () => allIn('failed', 1)(await processing(processor.id, [event!])), 'failed');
    const [row] = await processing(processor.id, [event!]);
    expect(row).toMatchObject({ attempts: 3, lastError: `no rule matches event ${event}` });
    expect(calls.get(event!)).toBe(3);
    expect(await writesOf(processor.id, [event!])).toEqual({});

    const admin = await signedInHeaders(h, 'admin');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/admin/event-processing?state=failed',
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toContainEqual(
      expect.objectContaining({
        processor: 'test.broken',
        eventId: event,
        eventType: 'response.submitted',
        state: 'failed',
        attempts: 3,
        lastError: `no rule matches event ${event}`,
      }),
    );
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/v1/admin/event-processing?state=broken',
      headers: admin,
    });
    expect(bad.statusCode).toBe(400);
    const lead = await signedInHeaders(h, 'team_leader');
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/admin/event-processing', headers: lead }))
        .statusCode,
    ).toBe(403);
  });

  it('two workers hand out and process every event once', async () => {
    const { processor, calls } = countingProcessor('test.shared');
    await work(processor);
    await work(processor);
    const events = await writeEvents(40);
    await until(async () => allIn('done', 40)(await processing(processor.id, events)), 'all forty done');
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(40);
    const rows = await processing(processor.id, events);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    expect(Object.values(await writesOf(processor.id, events))).toEqual(Array(40).fill(1));
    // and each event was handed out once: one job per event in the processor's queue
    const jobs = await h.ctx.database.executeSql(
      'SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1',
      [processorQueue(processor)],
    );
    expect(jobs.rows[0].n).toBe(40);
  });
});
