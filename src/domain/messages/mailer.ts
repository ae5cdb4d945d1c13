import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import type { MessageProviders } from './providers';

/** the database or a caller's open transaction */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface EmailMessage {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** one-click unsubscribe URL: sent as List-Unsubscribe + List-Unsubscribe-Post headers */
  unsubscribeUrl?: string;
  /** the survey invitation this message belongs to (invitation or reminder) */
  invitationId?: number;
}

export interface SmsMessage {
  kind: string;
  to: string;
  text: string;
  /** the survey invitation this message belongs to (invitation or reminder) */
  invitationId?: number;
}

/** The part of pg-boss the outbox needs: sending one job. */
export interface JobSender {
  send(name: string, data: object, options: object): Promise<string | null>;
}

/** How often and how patiently a message is retried (pg-boss retryLimit / retryDelay / retryBackoff). */
export interface RetryPolicy {
  attempts: number;
  delaySeconds: number;
}
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, delaySeconds: 30 };

export const DELIVER_JOB = 'messages.deliver';

export interface Mailer {
  /**
   * Records the e-mail in the outbox — 'queued' with a provider, else 'not_sent' — and hands it to
   * the job queue. Inside a caller's transaction pass `tx`: the row is written there and not
   * enqueued (it is not committed yet); call `enqueue(id)` after commit, or leave it to the sweep.
   */
  sendEmail(message: EmailMessage, opts?: { tx?: Tx }): Promise<number>;
  sendSms(message: SmsMessage, opts?: { tx?: Tx }): Promise<number>;
  /**
   * Hands a committed 'queued' message to the delivery job; a no-op without a running queue. `after`
   * names the lapsed claim of a worker that died holding it: the new job gets a key of its own, since
   * the dead worker's job stays active under the message's usual key until pg-boss expires it.
   */
  enqueue(outboxId: number, opts?: { after?: string }): Promise<void>;
  readonly configured: boolean;
  readonly smsConfigured: boolean;
  readonly providers: MessageProviders;
  readonly retry: RetryPolicy;
}

/**
 * Every message lands in the outbox first; delivery happens in the `messages.deliver` job, after
 * the row is committed. Without a provider the row stays 'not_sent' — visible to admins, never
 * pretending it was delivered.
 */
export function createMailer(opts: {
  db: Db;
  providers: MessageProviders;
  /** the job queue once the worker started (absent in tests without one, and before start) */
  jobs: () => JobSender | undefined;
  retry?: RetryPolicy;
}): Mailer {
  const { db, providers } = opts;
  const retry = opts.retry ?? DEFAULT_RETRY;

  async function enqueue(outboxId: number, o?: { after?: string }) {
    const jobs = opts.jobs();
    if (!jobs) return;
    try {
      await jobs.send(
        DELIVER_JOB,
        { outboxId, maxAttempts: retry.attempts },
        {
          singletonKey: o?.after ? `outbox-${outboxId}-after-${o.after}` : `outbox-${outboxId}`,
          retryLimit: retry.attempts - 1,
          retryDelay: retry.delaySeconds,
          retryBackoff: true,
        },
      );
      await db.update(outboxMessages).set({ enqueuedAt: sql`now()` }).where(eq(outboxMessages.id, outboxId));
    } catch (err) {
      // The row is committed and 'queued': the sweep job enqueues it within a minute.
      console.error(`[messages] could not enqueue message ${outboxId}:`, (err as Error).message);
    }
  }

  async function record(
    values: Omit<typeof outboxMessages.$inferInsert, 'status'>,
    configured: boolean,
    tx: Tx | undefined,
  ) {
    const [row] = await (tx ?? db)
      .insert(outboxMessages)
      .values({ ...values, status: configured ? 'queued' : 'not_sent' })
      .returning({ id: outboxMessages.id });
    if (configured && !tx) await enqueue(row!.id);
    return row!.id;
  }

  return {
    configured: Boolean(providers.email),
    smsConfigured: Boolean(providers.sms),
    providers,
    retry,
    enqueue,
    sendEmail(message, o) {
      const { kind, to, subject, text, html, unsubscribeUrl, invitationId } = message;
      return record(
        {
          channel: 'email',
          kind,
          recipient: to,
          subject,
          bodyText: text,
          bodyHtml: html,
          unsubscribeUrl,
          invitationId,
        },
        Boolean(providers.email),
        o?.tx,
      );
    },
    sendSms(message, o) {
      const { kind, to, text, invitationId } = message;
      return record(
        { channel: 'sms', kind, recipient: to, bodyText: text, invitationId },
        Boolean(providers.sms),
        o?.tx,
      );
    },
  };
}
