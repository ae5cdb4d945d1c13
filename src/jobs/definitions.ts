import type { z } from 'zod';
import type { AppContext } from '../context';
import { auditRetention } from './audit.retention';
import { databaseAnalyze } from './database.analyze';
import { eventProcessorJobs } from './events.process';
import { importsRun } from './imports.run';
import { invitationsDispatch } from './invitations.dispatch';
import { messagesDeliver } from './messages.deliver';
import { messagesSweep } from './messages.sweep';
import { responsesRetention } from './responses.retention';

/** A background job: id, payload schema, optional cron (Europe/Amsterdam), idempotent handler. */
export interface JobDefinition<P extends z.ZodType = z.ZodType> {
  id: string;
  payload: P;
  cron?: string;
  /** pg-boss queue policy; 'stately' lets one job per singleton key be queued and one be active */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /**
   * jobs fetched per poll (default 1). A worker waits about two seconds between polls, so a queue that
   * can fill up (e-mails at 08:00) takes several at a time; each job of a batch succeeds or fails alone
   */
  batchSize?: number;
  handler(ctx: AppContext, payload: z.infer<P>): Promise<void>;
  /**
   * optional, for a batched queue whose jobs share work: takes a fetched batch at once instead of
   * `handler` per job (messages.deliver claims the batch's messages together); `fail(job, err)`
   * fails — and so retries — that job alone, and pg-boss completes the others
   */
  handleBatch?(
    ctx: AppContext,
    jobs: Array<{ id: string; payload: z.infer<P> }>,
    fail: (job: { id: string }, err: Error) => Promise<void>,
  ): Promise<void>;
}

export const jobDefinitions: JobDefinition[] = [
  auditRetention as JobDefinition,
  databaseAnalyze as JobDefinition,
  importsRun as JobDefinition,
  invitationsDispatch as JobDefinition,
  messagesDeliver as JobDefinition,
  messagesSweep as JobDefinition,
  responsesRetention as JobDefinition,
  // one per event processor (src/events/processors.ts)
  ...(eventProcessorJobs as JobDefinition[]),
];
