import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type IngestKindName, IngestProblems } from '../../domain/ingest/ingest-kind';
import { ingestRows } from '../../domain/ingest/ingest-rows';
import { ingestKinds } from '../../domain/ingest/kinds';
import { ZJobStatusUpdate } from '../../domain/ingest/row-schemas';
import { updateJobStatuses } from '../../domain/jobs/update-job-statuses';
import { type Action, authorize } from '../../policy/policy';
import { actorOf } from '../authenticate';

/** The ERP's door: batch upserts of jobs and master data, all or nothing, idempotent. */
export const MAX_BATCH = 10_000;

const ZCounts = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
const batchOf = <T extends z.ZodType>(name: string, row: T) =>
  z
    .array(row)
    .min(1, `send at least one of ${name}`)
    .max(
      MAX_BATCH,
      `at most ${MAX_BATCH.toLocaleString('en')} ${name} per request; send more in several batches`,
    );

/** One job object is accepted as a batch of one, so both shapes validate with field paths intact. */
const ZJobsBody = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) && !('jobs' in v) ? { jobs: [v] } : v),
  z.object({ jobs: batchOf('jobs', ingestKinds.jobs.schema) }),
);

const masterData: Array<{ kind: Exclude<IngestKindName, 'jobs'>; summary: string }> = [
  { kind: 'teams', summary: 'Upsert teams by code' },
  {
    kind: 'employees',
    summary: 'Upsert employees by external id (teamCode moves team membership from today)',
  },
  { kind: 'contractors', summary: 'Upsert contractors by external id, with contact persons' },
  { kind: 'complexes', summary: 'Upsert complexes by external id' },
  { kind: 'units', summary: 'Upsert units by external id' },
  { kind: 'tenants', summary: 'Upsert tenants by external id' },
];

const allowed = (action: Action) => async (request: FastifyRequest) => authorize(actorOf(request), action);

/** a batch of 10,000 jobs is a few MB of JSON; only these routes accept bodies this large */
const BATCH_BODY_LIMIT = 60 * 1024 * 1024;

export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/v1/jobs',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      preValidation: allowed('job.write'),
      schema: {
        summary: 'Upsert one job or a batch of up to 10,000 by external id',
        tags: ['ingest'],
        body: ZJobsBody,
        response: { 200: ZCounts },
      },
    },
    async (request, reply) =>
      answer(reply, 'jobs', () =>
        ingestRows({
          db: ctx.db,
          actor: actorOf(request),
          kind: ingestKinds.jobs,
          rows: request.body.jobs,
          dispatchWakeup: ctx.dispatchWakeup,
        }),
      ),
  );

  r.post(
    '/api/v1/jobs/status',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      preValidation: allowed('job.write'),
      schema: {
        summary: 'Status updates of jobs (planned, completed, cancelled)',
        tags: ['ingest'],
        body: z.object({ updates: batchOf('updates', ZJobStatusUpdate) }),
        response: { 200: ZCounts },
      },
    },
    async (request, reply) =>
      answer(reply, 'updates', () =>
        updateJobStatuses({
          db: ctx.db,
          actor: actorOf(request),
          updates: request.body.updates,
          dispatchWakeup: ctx.dispatchWakeup,
        }),
      ),
  );

  for (const { kind, summary } of masterData) {
    r.post(
      `/api/v1/${kind}`,
      {
        bodyLimit: BATCH_BODY_LIMIT,
        preValidation: allowed('masterdata.write'),
        schema: {
          summary,
          tags: ['ingest'],
          body: z.object({ [kind]: batchOf(kind, ingestKinds[kind].schema) }),
          response: { 200: ZCounts },
        },
      },
      async (request, reply) =>
        answer(reply, kind, () =>
          ingestRows({
            db: ctx.db,
            actor: actorOf(request),
            kind: ingestKinds[kind],
            rows: (request.body as Record<string, unknown[]>)[kind]!,
          }),
        ),
    );
  }
}

/** Row problems become a 400 naming each field as the validator would: `body.jobs.3.unitExternalId`. */
async function answer(reply: FastifyReply, list: string, work: () => Promise<z.infer<typeof ZCounts>>) {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof IngestProblems)) throw err;
    const issues = err.problems.map((p) => ({
      field: `body.${list}.${p.index}.${p.field}`,
      message: p.message,
    }));
    return reply.status(400).send({
      error: 'invalid_request',
      message:
        issues
          .slice(0, 20)
          .map((i) => `${i.field}: ${i.message}`)
          .join('; ') + (issues.length > 20 ? ` (and ${issues.length - 20} more)` : ''),
      issues,
    });
  }
}
