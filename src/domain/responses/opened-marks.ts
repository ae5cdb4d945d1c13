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
 * the marks of at most its last quarter second; a normal stop writes them (`closeContext` flushes
 * them). A failed write is logged and tried again with the next batch, and given up
 * after `MAX_ATTEMPTS`, with an error naming the invitations — never silently.
 */
export const FLUSH_AFTER_MS = 250;
export const FLUSH_AT = 500;
const MAX_ATTEMPTS = 5;

/** One per process and database, owned by the AppContext (survey-machinery.ts), which flushes it on stop. */
export class OpenedMarks {
  private marks = new Map<number, { at: Date; attempts: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Remembers that the invitation's page was first opened at `at`; written within FLUSH_AFTER_MS. */
  mark(invitationId: number, at = new Date()) {
    if (!this.marks.has(invitationId)) this.marks.set(invitationId, { at, attempts: 0 });
    if (this.marks.size >= FLUSH_AT) void this.flush();
    else this.flushLater();
  }

  /** Writes every mark collected so far (and waits for a write already under way). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.flushing) await this.flushing;
    if (!this.marks.size) return;
    const batch = this.marks;
    this.marks = new Map();
    this.flushing = this.write(batch).finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private flushLater() {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), FLUSH_AFTER_MS);
    this.timer.unref();
  }

  private async write(batch: Map<number, { at: Date; attempts: number }>) {
    const rows = [...batch].map(([id, mark]) => ({ id, at: mark.at.toISOString() }));
    try {
      await this.db.execute(sql`
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
      for (const [id, mark] of retry) {
        const later = this.marks.get(id);
        if (!later || later.at > mark.at) this.marks.set(id, mark);
      }
      this.flushLater();
    }
  }
}
