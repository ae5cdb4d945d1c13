import { and, count, desc, eq, getTableColumns, ilike, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages, outboxStatuses } from '../../db/schema';
import { containsPattern } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { liveClaimSql } from '../messages/claims';

/** The stored statuses, and `sending`: queued and held by a live worker right now (claims.ts). */
export const listedOutboxStatuses = [...outboxStatuses, 'sending'] as const;
export type ListedOutboxStatus = (typeof listedOutboxStatuses)[number];

const sending = and(eq(outboxMessages.status, 'queued'), liveClaimSql)!;
const statusFilter = (status: ListedOutboxStatus): SQL =>
  status === 'sending'
    ? sending
    : status === 'queued'
      ? and(eq(outboxMessages.status, 'queued'), not(sending))!
      : eq(outboxMessages.status, status);

export interface ListOutboxOptions {
  db: Db;
  actor: Actor;
  status?: ListedOutboxStatus;
  channel?: 'email' | 'sms';
  kind?: string;
  /** part of the recipient's address */
  recipient?: string;
  page: number;
  pageSize: number;
}

// a worker's claim is its own business; the list says `sending` instead
const { claimToken: _claim, claimedUntil: _until, ...columns } = getTableColumns(outboxMessages);

/** Message kinds whose body holds a working sign-in link: whoever reads it can sign in as the recipient. */
const SIGN_IN_KINDS = new Set(['magic_link', 'password_reset']);

/**
 * Every message the product sent or could not send, newest first, status as stored (not_sent /
 * queued / sent / failed) — except a queued one a live worker holds, which is `sending`. Only admins
 * see the body of sign-in messages: for anyone else it would be a way into another person's account.
 */
export async function listOutbox(opts: ListOutboxOptions) {
  const { db, actor, page, pageSize } = opts;
  authorize(actor, 'outbox.read');
  const where = and(
    opts.status ? statusFilter(opts.status) : undefined,
    opts.channel ? eq(outboxMessages.channel, opts.channel) : undefined,
    opts.kind ? eq(outboxMessages.kind, opts.kind) : undefined,
    opts.recipient?.trim() ? ilike(outboxMessages.recipient, containsPattern(opts.recipient)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...columns, sendingNow: sql<boolean>`coalesce(${sending}, false)` })
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(outboxMessages).where(where),
  ]);
  const seesSignInLinks = actor.kind === 'system' || (actor.kind === 'user' && actor.role === 'admin');
  const items = rows.map((m) => {
    const hidden = SIGN_IN_KINDS.has(m.kind) && !seesSignInLinks;
    const { sendingNow, ...message } = m;
    return {
      ...message,
      status: (sendingNow ? 'sending' : m.status) as ListedOutboxStatus,
      sendingSince: sendingNow ? m.sendingSince : null,
      bodyText: hidden ? null : m.bodyText,
      bodyHtml: hidden ? null : m.bodyHtml,
      bodyHidden: hidden,
    };
  });
  return { items, page, pageSize, total: total?.n ?? 0 };
}
