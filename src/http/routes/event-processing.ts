import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { eventProcessingStates } from '../../db/schema';
import { listEventProcessing } from '../../events/list-event-processing';
import { actorOf } from '../authenticate';
import { presentPage, ZPageQuery, zPage } from '../presenters/page';

const ZProcessingQuery = ZPageQuery.extend({
  state: z.enum(eventProcessingStates).optional(),
  processor: z.string().max(100).optional(),
});

const ZProcessing = z.object({
  processor: z.string(),
  eventId: z.number(),
  eventType: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  eventAt: z.string(),
  state: z.enum(eventProcessingStates),
  attempts: z.number(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
});

/** Admins see which domain events a processor failed on (`?state=failed`), with the error. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/admin/event-processing',
    {
      schema: {
        tags: ['administration'],
        summary: 'What event processors did with domain events; ?state=failed lists the failures (admin)',
        querystring: ZProcessingQuery,
        response: { 200: zPage(ZProcessing) },
      },
    },
    async (request) => {
      const result = await listEventProcessing({ db: ctx.db, actor: actorOf(request), ...request.query });
      return presentPage(result, request.query, (row) => ({
        ...row,
        eventAt: row.eventAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }));
    },
  );
}
