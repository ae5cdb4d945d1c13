import type { SuppressionReason } from '../db/schema';
import type { Random } from './random';

/**
 * The invitation side of the demo, in minutes since the calendar's first day (local Amsterdam
 * time): when an invitation was due, whether it was sent or suppressed and why, when the reminder
 * went out, and when (if ever) the tenant answered. The product's defaults apply
 * (survey_settings: delay 2 hours, reminder after 3 days, expiry after 14, quarantine 30 days).
 */
export const surveyDefaults = { delayMinutes: 120, reminderDays: 3, expiryDays: 14, quarantineDays: 30 };
const DAY = 1440;
const QUIET_FROM = 21 * 60;
const QUIET_UNTIL = 8 * 60;

/** Nothing goes out between 21:00 and 08:00: such a moment moves to the next 08:00. */
export function outOfQuietHours(at: number) {
  const minute = at % DAY;
  if (minute >= QUIET_FROM) return at - minute + DAY + QUIET_UNTIL;
  if (minute < QUIET_UNTIL) return at - minute + QUIET_UNTIL;
  return at;
}

export const sendAfterOf = (completedAt: number) =>
  outOfQuietHours(completedAt + surveyDefaults.delayMinutes);

export type Decision =
  | { status: 'scheduled' }
  | { status: 'suppressed'; reason: SuppressionReason }
  | { status: 'sent'; sentAt: number };

/**
 * Decides invitations in the order they fell due, per tenant: opted out by then, no usable
 * channel, or invited within the quarantine window means suppressed; one still waiting to be
 * sent "now" (today) makes a second one for the same tenant wait as `open_invitation`.
 */
export class InvitationDecider {
  private readonly lastSent = new Map<number, number>();
  private readonly waiting = new Set<number>();

  constructor(private readonly now: number) {}

  decide(
    random: Random,
    job: { tenantId: number; completedAt: number; sendAfter: number },
    tenant: { optedOutAt: number | null; channel: string },
  ): Decision {
    const due = job.sendAfter < this.now;
    const at = due ? job.sendAfter : job.completedAt; // a waiting one was checked when scheduled
    if (tenant.optedOutAt !== null && tenant.optedOutAt <= at) return suppressed('opted_out');
    if (tenant.channel === 'none') return suppressed('no_contact');
    const last = this.lastSent.get(job.tenantId);
    // clock minutes: across a daylight-saving switch 30 days may be an hour short, so an hour more
    if (last !== undefined && last > at - surveyDefaults.quarantineDays * DAY - 60)
      return suppressed('quarantine');
    if (!due) {
      if (this.waiting.has(job.tenantId)) return suppressed('open_invitation');
      this.waiting.add(job.tenantId);
      return { status: 'scheduled' };
    }
    const sentAt = job.sendAfter + random.int(0, 1); // the dispatcher runs every minute
    this.lastSent.set(job.tenantId, sentAt);
    return { status: 'sent', sentAt };
  }
}

const suppressed = (reason: SuppressionReason): Decision => ({ status: 'suppressed', reason });

export interface Follow {
  answeredAt: number | null;
  remindedAt: number | null;
  openedAt: number | null;
  expiresAt: number;
  expired: boolean;
}

/**
 * After sending: does the tenant answer (probability `p`), and when — most within hours, some
 * after the reminder, a few just before the link expires. Whatever would happen from today on has
 * not happened yet: the invitation stays open and the dispatcher takes over.
 */
export function follow(random: Random, sentAt: number, p: number, now: number): Follow {
  const expiresAt = sentAt + surveyDefaults.expiryDays * DAY;
  const reminder = outOfQuietHours(sentAt + surveyDefaults.reminderDays * DAY);
  let answeredAt: number | null = null;
  if (random.chance(p)) {
    const r = random.next();
    let at =
      r < 0.5
        ? sentAt + random.int(5, 240)
        : r < 0.7
          ? sentAt + random.int(240, surveyDefaults.reminderDays * DAY - 60)
          : r < 0.92
            ? reminder + random.int(5, 2 * DAY)
            : reminder + random.int(2 * DAY, expiresAt - reminder - 60);
    if (at % DAY < 7 * 60) at = at - (at % DAY) + 7 * 60 + random.int(0, 120); // few answer at night
    if (at < Math.min(expiresAt, now)) answeredAt = at;
  }
  const remindedAt = reminder < now && (answeredAt === null || answeredAt > reminder) ? reminder : null;
  const openedAt =
    answeredAt !== null
      ? Math.max(sentAt, answeredAt - random.int(1, 6))
      : random.chance(0.12)
        ? Math.min(now - 1, sentAt + random.int(5, 5 * DAY))
        : null;
  return { answeredAt, remindedAt, openedAt, expiresAt, expired: answeredAt === null && expiresAt < now };
}

/** Some tenants answer every survey, others never: a factor per tenant, 1 on average. */
export function responsePropensity(random: Random, tenants: number) {
  const out = new Float32Array(tenants);
  const levels = [
    [0.35, 30],
    [1, 45],
    [1.6, 25],
  ] as const;
  const mean = levels.reduce((s, [f, w]) => s + f * w, 0) / 100;
  for (let i = 0; i < tenants; i++) out[i] = random.weighted(levels) / mean;
  return out;
}
