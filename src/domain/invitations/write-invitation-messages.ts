import { sql } from 'drizzle-orm';
import type { Journey } from '../../db/schema';
import type { Mailer, Tx } from '../messages/mailer';
import type { TOrganisationSettings } from '../organisation/organisation-settings';
import { invitationMessage } from './invitation-message';
import { surveyUrl, unsubscribeUrl } from './survey-links';
import { deriveSurveyToken } from './survey-token';

export type SendChannel = 'email' | 'sms' | 'both';

/** What the dispatcher and the reminder know about one invitation and its tenant. */
export interface InvitationRecipient {
  invitationId: number;
  nonce: string;
  channel: SendChannel;
  journey: Journey;
  completedAt: Date | null;
  expiresAt: Date;
  tenantName: string;
  email: string | null;
  mobile: string | null;
}

export interface OutboxRef {
  id: number;
  channel: 'email' | 'sms';
}

/**
 * Writes the invitation's (or reminder's) messages to the outbox inside the caller's transaction:
 * an e-mail and/or an SMS per the channel, each naming the invitation. The link is derived again from
 * nonce and secret, so a reminder carries the same link. Returns the outbox rows to enqueue after commit.
 */
export async function writeInvitationMessages(
  tx: Tx,
  opts: {
    mailer: Mailer;
    secret: string;
    publicUrl: string;
    organisation: TOrganisationSettings;
    recipient: InvitationRecipient;
    reminder: boolean;
  },
): Promise<OutboxRef[]> {
  const { mailer, recipient: r, reminder } = opts;
  const token = deriveSurveyToken(opts.secret, r.invitationId, r.nonce);
  const links = {
    surveyUrl: surveyUrl(opts.publicUrl, token),
    unsubscribeUrl: unsubscribeUrl(opts.publicUrl, token),
  };
  const message = invitationMessage({
    organisation: opts.organisation,
    tenantName: r.tenantName,
    journey: r.journey,
    completedAt: r.completedAt,
    expiresAt: r.expiresAt,
    reminder,
    ...links,
  });
  const kind = reminder ? 'survey_reminder' : 'survey_invitation';
  const written: OutboxRef[] = [];
  if (r.channel !== 'sms' && r.email?.trim()) {
    const id = await mailer.sendEmail(
      {
        kind,
        to: r.email.trim(),
        subject: message.subject,
        text: message.text,
        html: message.html,
        unsubscribeUrl: links.unsubscribeUrl,
        invitationId: r.invitationId,
      },
      { tx },
    );
    written.push({ id, channel: 'email' });
  }
  if (r.channel !== 'email' && r.mobile?.trim()) {
    const id = await mailer.sendSms(
      { kind, to: r.mobile.trim(), text: message.sms, invitationId: r.invitationId },
      { tx },
    );
    written.push({ id, channel: 'sms' });
  }
  return written;
}

/** After commit: hands the written messages to the delivery job (only where a provider is configured). */
export async function enqueueWritten(mailer: Mailer, written: OutboxRef[]) {
  for (const m of written) {
    if (m.channel === 'email' ? mailer.configured : mailer.smsConfigured) await mailer.enqueue(m.id);
  }
}

/** One dispatcher (or reminder round) at a time across processes; a second one finds the lock taken and leaves. */
export const DISPATCH_LOCK = 8_808_810;

export async function tryDispatchLock(tx: Tx): Promise<boolean> {
  const result = (await tx.execute(
    sql`SELECT pg_try_advisory_xact_lock(${DISPATCH_LOCK}) AS locked`,
  )) as unknown as {
    rows: Array<{ locked: boolean }>;
  };
  return result.rows[0]?.locked === true;
}
