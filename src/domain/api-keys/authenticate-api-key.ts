import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';
import type { ApiKeyActor, ApiKeyScope } from '../../policy/actor';
import { recordAudit } from '../audit/record-audit';
import { hashApiKey } from './api-key-token';

const USE_RECORD_INTERVAL_MS = 60_000;

/**
 * Finds the live key for a bearer token; a revoked or unknown key gives null (401).
 * Its use is recorded at most once a minute: the conditional update lets exactly one request (of
 * however many app processes) win the minute, and only the winner writes the audit row.
 */
export async function authenticateApiKey({
  db,
  token,
  ip,
}: {
  db: Db;
  token: string;
  ip?: string;
}): Promise<ApiKeyActor | null> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)));
  if (!key) return null;
  const actor: ApiKeyActor = {
    kind: 'api_key',
    apiKeyId: key.id,
    name: key.name,
    scopes: key.scopes as ApiKeyScope[],
  };
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
    const won = await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, key.id),
          or(
            isNull(apiKeys.lastUsedAt),
            lt(apiKeys.lastUsedAt, new Date(now.getTime() - USE_RECORD_INTERVAL_MS)),
          ),
        ),
      )
      .returning({ id: apiKeys.id });
    if (won.length)
      await recordAudit({
        db,
        actor,
        action: 'api_key.used',
        subjectType: 'api_key',
        subjectId: key.id,
        details: { name: key.name },
        ip,
      });
  }
  return actor;
}
