import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type InstallKind, installation } from '../../db/schema';

type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Whether this install is the demo, set up for real use, or (a fresh database) neither yet. */
export async function readInstallKind(db: Tx): Promise<InstallKind | null> {
  const [row] = await db.select({ kind: installation.kind }).from(installation).where(eq(installation.id, 1));
  return row?.kind ?? null;
}

/** Records what the install is; the demo seeding and the setup command check the current kind first. */
export async function markInstallKind(db: Tx, kind: InstallKind) {
  await db
    .insert(installation)
    .values({ id: 1, kind })
    .onConflictDoUpdate({ target: installation.id, set: { kind, since: new Date() } });
}
