import { eq } from 'drizzle-orm';
import { invitations, outboxMessages } from '../db/schema';
import { harnessForFile } from './file-harness';

/**
 * What the tests of sending invitations and reminders share: a harness for the file, the options
 * the dispatcher and the reminder take (the app's database, mailer, secret and public URL) at a
 * fixed `now`, and reading an invitation and its outbox messages back.
 */
export function invitationSendingHarness(now: Date) {
  const h = harnessForFile();
  return Object.assign(h, {
    sending: (at: Date = now) => ({
      db: h.ctx.db,
      mailer: h.ctx.mailer,
      secret: h.ctx.secret,
      publicUrl: h.ctx.config.publicUrl,
      now: at,
    }),
    reload: async (invitationId: number) =>
      (await h.ctx.db.select().from(invitations).where(eq(invitations.id, invitationId)))[0]!,
    messagesOf: (invitationId: number) =>
      h.ctx.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.invitationId, invitationId))
        .orderBy(outboxMessages.id),
  });
}
