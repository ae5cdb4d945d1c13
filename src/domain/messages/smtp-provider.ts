import nodemailer from 'nodemailer';
import type { Db } from '../../db/client';
import { organisation } from '../../db/schema';
import type { MessageProvider, OutgoingMessage } from './providers';

const FALLBACK_FROM = 'achtplus <noreply@achtplus.invalid>';

/**
 * E-mail over SMTP_URL with nodemailer. The sender is MAIL_FROM when the operator set it (the
 * SMTP server may accept only that address), otherwise the corporation's own sender name and address.
 */
export function createSmtpProvider(opts: { db: Db; smtpUrl: string; mailFrom?: string }): MessageProvider {
  // Short timeouts: a hanging server should become a retry, not a job stuck for ten minutes.
  const transport = nodemailer.createTransport({
    url: opts.smtpUrl,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      const from = opts.mailFrom ?? (await organisationSender(opts.db)) ?? FALLBACK_FROM;
      await transport.sendMail(mailOf(message, from));
    },
  };
}

async function organisationSender(db: Db) {
  const [org] = await db
    .select({ name: organisation.senderName, email: organisation.senderEmail })
    .from(organisation)
    .limit(1);
  return org?.email ? { name: org.name, address: org.email } : undefined;
}

function mailOf(message: OutgoingMessage, from: string | { name: string; address: string }) {
  const domain =
    (typeof from === 'string' ? from : from.address).match(/@([^>\s]+)/)?.[1] ?? 'achtplus.invalid';
  return {
    from,
    to: message.recipient,
    subject: message.subject ?? '',
    text: message.bodyText,
    html: message.bodyHtml ?? undefined,
    // A stable Message-ID per outbox row: if a crash makes us send twice, mail systems can tell.
    messageId: `<outbox-${message.id}@${domain}>`,
    headers: message.unsubscribeUrl
      ? {
          'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }
      : undefined,
  };
}
