import { z } from 'zod';
import { unlinkOldResponses } from '../domain/responses/unlink-old-responses';
import type { JobDefinition } from './definitions';

const ZNoPayload = z.object({});

/**
 * Nightly (04:15 Amsterdam, after the audit retention): responses older than RESPONSE_RETENTION_MONTHS
 * lose every link to the tenant, the figures stay. Batched and idempotent: a run that stops halfway
 * is finished by the next one.
 */
export const responsesRetention: JobDefinition<typeof ZNoPayload> = {
  id: 'responses.retention',
  payload: ZNoPayload,
  cron: '15 4 * * *',
  policy: 'singleton',
  async handler(ctx) {
    await unlinkOldResponses({ db: ctx.db, months: ctx.config.RESPONSE_RETENTION_MONTHS });
  },
};
