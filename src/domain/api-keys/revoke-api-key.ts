import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { notFound } from '../errors';

/** Revokes a key at once: its next request answers 401. Revoking twice changes nothing. */
export async function revokeApiKey({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  authorize(actor, 'api-key.manage');
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt });
  if (revoked) {
    await recordAudit({
      db,
      actor,
      action: 'api_key.revoked',
      subjectType: 'api_key',
      subjectId: id,
      details: { name: revoked.name },
    });
    return revoked;
  }
  const [existing] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.id, id));
  if (!existing) throw notFound('No such API key');
  return existing;
}
