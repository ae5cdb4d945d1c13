import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { invitations } from '../db/schema';
import { BUSINESS_TIME_ZONE } from '../domain/business-time/business-time';

/**
 * Helpers for tests, the browser journey and benches, which must not depend on the time of day they
 * run at (the dispatcher sends nothing in the quiet hours). Not used by the product itself.
 */

/** 12:00 on Amsterdam's wall clock, `days` from today (0 = today; may lie in the past). */
export function middayAmsterdam(days = 0): Date {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  const day = date.toISOString().slice(0, 10);
  for (const offset of [1, 2]) {
    const at = new Date(`${day}T${String(12 - offset).padStart(2, '0')}:00:00Z`);
    const hour = new Intl.DateTimeFormat('en-GB', {
      timeZone: BUSINESS_TIME_ZONE,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(at);
    if (hour === '12') return at;
  }
  throw new Error(`no 12:00 in ${BUSINESS_TIME_ZONE} on ${day}`);
}

/**
 * Makes the scheduled invitation of a job due at `now` (sendAfter one minute before). Then
 * `dispatchDueInvitations({ db, mailer, secret, publicUrl, now })` sends it, whatever the real time.
 */
export async function makeInvitationDue(db: Db, jobId: number, now: Date = new Date()) {
  const updated = await db
    .update(invitations)
    .set({ sendAfter: new Date(now.getTime() - 60_000) })
    .where(and(eq(invitations.jobId, jobId), eq(invitations.status, 'scheduled')))
    .returning({ id: invitations.id });
  return updated[0]?.id ?? null;
}

/** Every scheduled invitation due at `now` (for tests that complete many jobs at once). */
export async function makeAllScheduledDue(db: Db, now: Date = new Date()) {
  await db
    .update(invitations)
    .set({ sendAfter: new Date(now.getTime() - 60_000) })
    .where(sql`${invitations.status} = 'scheduled'`);
}
