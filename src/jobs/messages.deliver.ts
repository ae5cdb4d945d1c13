import { z } from 'zod';
import { DeliveryError, deliverMessage, deliverMessages } from '../domain/messages/deliver-message';
import { DELIVER_JOB } from '../domain/messages/mailer';
import type { JobDefinition } from './definitions';

const ZDeliverMessage = z.object({
  outboxId: z.number().int().positive(),
  /** fixed when enqueued, equal to the job's retryLimit + 1, so the last try knows it is the last */
  maxAttempts: z.number().int().positive(),
});

/**
 * Sends outbox messages. Enqueued with singletonKey outbox-<id> and pg-boss retries with exponential
 * backoff; a failed try throws (so pg-boss retries), the last one leaves the row 'failed'. A worker
 * claims its whole batch at once and keeps the claim alive while it sends (claims.ts): if it dies,
 * the outbox sweep hands every message it held to another worker within about a minute.
 */
export const messagesDeliver: JobDefinition<typeof ZDeliverMessage> = {
  id: DELIVER_JOB,
  policy: 'stately',
  // the 08:00 run may queue hundreds of invitations; one per poll would take minutes
  batchSize: 25,
  payload: ZDeliverMessage,
  async handler(ctx, payload) {
    await deliverMessage({ db: ctx.db, providers: ctx.mailer.providers, log: ctx.log, ...payload });
  },
  async handleBatch(ctx, jobs, fail) {
    const outcomes = await deliverMessages({
      db: ctx.db,
      providers: ctx.mailer.providers,
      log: ctx.log,
      messages: jobs.map((j) => j.payload),
    });
    for (const [i, outcome] of outcomes.entries())
      if (outcome instanceof DeliveryError) await fail(jobs[i]!, outcome);
  },
};
