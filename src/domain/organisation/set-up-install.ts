import { count } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { LOCKS, withProcessLock } from '../../db/client';
import { users } from '../../db/schema';
import { demoState } from '../../demo/seed-demo';
import { systemActor } from '../../policy/actor';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../errors';
import { createUser } from '../users/create-user';
import { markInstallKind, readInstallKind } from './install-kind';

/**
 * Starts a real install: marks it set up for real use — from then on the demo is never seeded into
 * it, whatever SEED_DEMO says — and creates its first admin. Only on a database without accounts
 * that is not the demo; under the seeding's lock, so a server starting at the same moment cannot
 * seed the demo in between. Marked first: a rerun after a failed account creation goes on from there.
 */
export async function setUpInstall({
  ctx,
  email,
  name,
  password,
}: {
  ctx: Pick<AppContext, 'database' | 'db'>;
  email: string;
  name: string;
  /** without one, the admin chooses it through a link (see passwordLink) */
  password?: string;
}) {
  return withProcessLock(ctx.database, LOCKS.demoSeed, async () => {
    if ((await readInstallKind(ctx.db)) === 'demo')
      throw conflict(
        'This database holds the demo; it cannot become a real install. Set up on an empty database (a new DATA_DIR, or an empty PostgreSQL database).',
      );
    const [{ n } = { n: 0 }] = await ctx.db.select({ n: count() }).from(users);
    if (n > 0)
      throw conflict(
        `This install already has ${n} account(s); setup only creates the first admin. Add people in the staff app (Beheer → Gebruikers) or with: npm run cli -- user create`,
      );
    if ((await demoState(ctx)) === 'interrupted')
      throw conflict(
        'This database holds part of an interrupted demo seeding; set up on an empty database instead.',
      );
    const actor = systemActor('setup');
    await markInstallKind(ctx.db, 'real');
    await recordAudit({ db: ctx.db, actor, action: 'install.set_up', details: { admin: email } });
    return createUser({ db: ctx.db, actor, email, name, role: 'admin', password });
  });
}
