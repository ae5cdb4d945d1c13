import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * The first view of a survey page sets `invitations.openedAt`, but not on the response path: a
 * write with its own commit per first view cost more than the rest of the page. First views are
 * collected here and written together, one UPDATE per `FLUSH_AFTER_MS` (or per `FLUSH_AT` marks),
 * each with the moment of its own view; an invitation already marked keeps its first moment.
 *
 * What this may lose, by choice: `openedAt` is information for staff ("geopend"), nothing depends
 * on it (reminders, expiry and submission do not read it). A process that is killed outright loses
 * the marks of at most its last quarter second; a normal stop writes them (`flushOpenedMarks` runs
 * when the app closes). A failed write is logged and tried again with the next batch, and given up
 * after `MAX_ATTEMPTS`, with an error naming the invitations — never silently.
 */
export const FLUSH_AFTER_MS = 250;
export const FLUSH_AT = 500;
const MAX_ATTEMPTS = 5;

interface Pending {
  marks: Map<number, { at: Date; attempts: number }>;
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void> | null;
}

const pendingByDb = new WeakMap<Db, Pending>();

function pendingOf(db: Db): Pending {
  let pending = pendingByDb.get(db);
  if (!pending) {
    pending = { marks: new Map(), timer: null, flushing: null };
    pendingByDb.set(db, pending);
  }
  return pending;
}

/** Remembers that the invitation's page was first opened at `at`; written within FLUSH_AFTER_MS. */
export function markOpened(db: Db, invitationId: number, at = new Date()) {
  const pending = pendingOf(db);
  if (!pending.marks.has(invitationId)) pending.marks.set(invitationId, { at, attempts: 0 });
  if (pending.marks.size >= FLUSH_AT) void flushOpenedMarks(db);
  else flushLater(db, pending);
}

function flushLater(db: Db, pending: Pending) {
  if (pending.timer) return;
  pending.timer = setTimeout(() => void flushOpenedMarks(db), FLUSH_AFTER_MS);
  pending.timer.unref();
}

/** Writes every mark collected so far (and waits for a write already under way). */
export async function flushOpenedMarks(db: Db): Promise<void> {
  const pending = pendingOf(db);
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  while (pending.flushing) await pending.flushing;
  if (!pending.marks.size) return;
  const batch = pending.marks;
  pending.marks = new Map();
  pending.flushing = writeMarks(db, batch).finally(() => {
    pending.flushing = null;
  });
  await pending.flushing;
}

async function writeMarks(db: Db, batch: Pending['marks']) {
  const rows = [...batch].map(([id, mark]) => ({ id, at: mark.at.toISOString() }));
  try {
    await db.execute(sql`
      UPDATE invitations SET opened_at = m.at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS m(id integer, at timestamptz)
      WHERE invitations.id = m.id AND invitations.opened_at IS NULL`);
  } catch (err) {
    const retry = [...batch].filter(([, mark]) => ++mark.attempts < MAX_ATTEMPTS);
    const dropped = [...batch].filter(([, mark]) => mark.attempts >= MAX_ATTEMPTS).map(([id]) => id);
    console.error(
      `[responses] could not write the first view of ${batch.size} survey page(s); ` +
        (dropped.length ? `gave up on invitations ${dropped.join(', ')}` : 'will try again'),
      (err as Error).message,
    );
    if (!retry.length) return;
    const pending = pendingOf(db);
    for (const [id, mark] of retry) {
      const later = pending.marks.get(id);
      if (!later || later.at > mark.at) pending.marks.set(id, mark);
    }
    flushLater(db, pending);
  }
}
