import { and, count, desc, eq, ilike } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages } from '../../db/schema';
import { containsPattern } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';

type OutboxStatus = (typeof outboxMessages.status.enumValues)[number];

export interface ListOutboxOptions {
  db: Db;
  actor: Actor;
  status?: OutboxStatus;
  channel?: 'email' | 'sms';
  kind?: string;
  /** part of the recipient's address */
  recipient?: string;
  page: number;
  pageSize: number;
}

/** Message kinds whose body holds a working sign-in link: whoever reads it can sign in as the recipient. */
const SIGN_IN_KINDS = new Set(['magic_link', 'password_reset']);

/**
 * Every message the product sent or could not send, newest first, status as stored (not_sent /
 * queued / sent / failed). Only admins see the body of sign-in messages: for anyone else it would
 * be a way into another person's account.
 */
export async function listOutbox(opts: ListOutboxOptions) {
  const { db, actor, page, pageSize } = opts;
  authorize(actor, 'outbox.read');
  const where = and(
    opts.status ? eq(outboxMessages.status, opts.status) : undefined,
    opts.channel ? eq(outboxMessages.channel, opts.channel) : undefined,
    opts.kind ? eq(outboxMessages.kind, opts.kind) : undefined,
    opts.recipient?.trim() ? ilike(outboxMessages.recipient, containsPattern(opts.recipient)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
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
    return {
      ...m,
      bodyText: hidden ? null : m.bodyText,
      bodyHtml: hidden ? null : m.bodyHtml,
      bodyHidden: hidden,
    };
  });
  return { items, page, pageSize, total: total?.n ?? 0 };
}
