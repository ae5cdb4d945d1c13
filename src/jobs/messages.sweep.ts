import { z } from 'zod';
import { sweepOutbox } from '../domain/messages/sweep-outbox';
import type { JobDefinition } from './definitions';

const ZNoPayload = z.object({});

/** Every minute: queued messages that never reached the queue (or lost their job) are enqueued. */
export const messagesSweep: JobDefinition<typeof ZNoPayload> = {
  id: 'messages.sweep',
  payload: ZNoPayload,
  cron: '* * * * *',
  async handler(ctx) {
    await sweepOutbox({ db: ctx.db, mailer: ctx.mailer });
  },
};
