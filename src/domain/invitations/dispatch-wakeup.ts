import type { JobSender } from '../messages/mailer';

export const DISPATCH_JOB = 'invitations.dispatch';

/**
 * How a write path that scheduled invitations (batch API, status updates, import) reaches the job
 * queue after its commit without knowing about it: the AppContext holds one (src/boot.ts), which
 * enqueues a dispatcher run once the worker started; the write path receives it from its caller.
 * Without a queue (CLI, tests without a worker) it does nothing and the minute cron does it.
 */
export interface DispatchWakeup {
  /** Call after commit with the earliest sendAfter scheduled; never throws (the cron is the safety net). */
  wake(at: Date | null): Promise<void>;
}

/** A wake-up that enqueues on the queue `jobs()` gives at the time (the worker starts after the context). */
export function createDispatchWakeup(jobs: () => JobSender | undefined): DispatchWakeup {
  return {
    async wake(at) {
      if (!at) return;
      try {
        await enqueueDispatchRun(jobs(), at);
      } catch (err) {
        console.error('[invitations] could not enqueue a dispatcher run:', (err as Error).message);
      }
    },
  };
}

/** For callers that run no dispatcher (CLI, benches): the minute cron finds what they scheduled. */
export const NO_DISPATCH_WAKEUP: DispatchWakeup = { wake: async () => {} };

/**
 * Enqueues one dispatcher run at `at` (or now, when that passed). One run per minute slot and target
 * minute: many batches finishing together enqueue it once; a run that finds nothing due does nothing.
 */
export async function enqueueDispatchRun(jobs: JobSender | undefined, at: Date) {
  if (!jobs) return;
  const startAfter = at.getTime() > Date.now() ? at : new Date();
  await jobs.send(
    DISPATCH_JOB,
    {},
    {
      startAfter,
      singletonKey: `due-${startAfter.toISOString().slice(0, 16)}`,
      singletonSeconds: 60,
    },
  );
}
