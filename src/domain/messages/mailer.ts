import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';

export interface EmailMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Records the message in the outbox and, when SMTP is configured, sends it. Returns the outbox id. */
  sendEmail(message: EmailMessage): Promise<number>;
  readonly configured: boolean;
}

/**
 * Every e-mail lands in the outbox first. Without SMTP_URL it stays there as "not_sent" — visible to
 * admins, never pretending it was delivered. With SMTP it is marked sent only after the server accepted it.
 */
export function createMailer(opts: { db: Db; smtpUrl?: string; from: string }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : undefined;
  return {
    configured: Boolean(transport),
    async sendEmail(message) {
      const [row] = await opts.db
        .insert(outboxMessages)
        .values({
          channel: 'email',
          kind: message.kind,
          recipient: message.to,
          subject: message.subject,
          bodyText: message.text,
          bodyHtml: message.html,
          status: transport ? 'queued' : 'not_sent',
        })
        .returning({ id: outboxMessages.id });
      const id = row!.id;
      if (!transport) return id;
      try {
        await transport.sendMail({
          from: opts.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        await opts.db
          .update(outboxMessages)
          .set({ status: 'sent', sentAt: new Date(), attempts: 1 })
          .where(eq(outboxMessages.id, id));
      } catch (err) {
        await opts.db
          .update(outboxMessages)
          .set({
            status: 'failed',
            attempts: 1,
            lastError: String((err as Error).message ?? err).slice(0, 500),
          })
          .where(eq(outboxMessages.id, id));
      }
      return id;
    },
  };
}
