import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../db/schema';
import type { JobDefinition } from './definitions';

const RETENTION_DAYS = 3 * 365;
const ZNoPayload = z.object({});

/** Nightly: the audit log keeps three years, then forgets. Safe to run twice. */
export const auditRetention: JobDefinition<typeof ZNoPayload> = {
  id: 'audit.retention',
  payload: ZNoPayload,
  cron: '30 3 * * *',
  async handler(ctx) {
    await ctx.db.delete(auditLog).where(lt(auditLog.at, new Date(Date.now() - RETENTION_DAYS * 86_400_000)));
  },
};
