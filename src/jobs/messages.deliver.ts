import { z } from 'zod';
import { deliverMessage } from '../domain/messages/deliver-message';
import { DELIVER_JOB } from '../domain/messages/mailer';
import type { JobDefinition } from './definitions';

const ZDeliverMessage = z.object({
  outboxId: z.number().int().positive(),
  /** fixed when enqueued, equal to the job's retryLimit + 1, so the last try knows it is the last */
  maxAttempts: z.number().int().positive(),
});

/**
 * Sends one outbox message. Enqueued with singletonKey outbox-<id> and pg-boss retries with
 * exponential backoff; a failed try throws (so pg-boss retries), the last one leaves the row 'failed'.
 */
export const messagesDeliver: JobDefinition<typeof ZDeliverMessage> = {
  id: DELIVER_JOB,
  policy: 'stately',
  // the 08:00 run may queue hundreds of invitations; one per poll would take minutes
  batchSize: 25,
  payload: ZDeliverMessage,
  async handler(ctx, payload) {
    await deliverMessage({ db: ctx.db, providers: ctx.mailer.providers, ...payload });
  },
};
