import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';
import { type Actor, type ApiKeyScope, actorUserId } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { newApiKeyToken } from './api-key-token';

export interface CreateApiKeyOptions {
  db: Db;
  actor: Actor;
  name: string;
  scopes: ApiKeyScope[];
}

/** Creates a key for an integration. The token is returned once and never stored. */
export async function createApiKey({ db, actor, name, scopes }: CreateApiKeyOptions) {
  authorize(actor, 'api-key.manage');
  const { token, prefix, hash } = newApiKeyToken();
  const [row] = await db
    .insert(apiKeys)
    .values({ name, prefix, keyHash: hash, scopes, createdByUserId: actorUserId(actor) })
    .returning({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
    });
  await recordAudit({
    db,
    actor,
    action: 'api_key.created',
    subjectType: 'api_key',
    subjectId: row!.id,
    details: { name, scopes },
  });
  return { ...row!, token };
}
