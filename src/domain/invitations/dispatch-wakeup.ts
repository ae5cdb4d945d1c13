import type { Db } from '../../db/client';
import type { JobSender } from '../messages/mailer';

export const DISPATCH_JOB = 'invitations.dispatch';

type Wake = (at: Date) => Promise<void>;
const wakers = new WeakMap<Db, Wake>();

/**
 * How a write path that scheduled invitations (batch API, status updates, import) reaches the job
 * queue after its commit without knowing about it: createContext registers, per database, a waker
 * that enqueues a dispatcher run. Without one (CLI, tests without a worker) the minute cron does it.
 */
export function setDispatchWakeup(db: Db, wake: Wake) {
  wakers.set(db, wake);
}

/** Call after commit with the earliest sendAfter scheduled; never throws (the cron is the safety net). */
export async function wakeDispatcher(db: Db, at: Date | null) {
  if (!at) return;
  try {
    await wakers.get(db)?.(at);
  } catch (err) {
    console.error('[invitations] could not enqueue a dispatcher run:', (err as Error).message);
  }
}

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
