import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';
import type { ApiKeyActor, ApiKeyScope } from '../../policy/actor';
import { hashApiKey } from './api-key-token';

const USE_RECORD_INTERVAL_MS = 60_000;

/** Finds the live key for a bearer token; records its use at most once a minute. */
export async function authenticateApiKey({ db, token }: { db: Db; token: string }): Promise<ApiKeyActor | null> {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(token)), isNull(apiKeys.revokedAt)));
  if (!key) return null;
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - USE_RECORD_INTERVAL_MS)))));
  }
  return { kind: 'api_key', apiKeyId: key.id, name: key.name, scopes: key.scopes as ApiKeyScope[] };
}
