import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { listApiKeys } from '../../domain/api-keys/list-api-keys';
import { revokeApiKey } from '../../domain/api-keys/revoke-api-key';
import { apiKeyScopes } from '../../policy/actor';
import { actorOf } from '../authenticate';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const ZApiKey = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
type KeyRow = {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt?: Date | null;
  revokedAt?: Date | null;
};
const presentKey = (k: KeyRow): z.infer<typeof ZApiKey> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: iso(k.lastUsedAt ?? null),
  revokedAt: iso(k.revokedAt ?? null),
});

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  scopes: z.array(z.enum(apiKeyScopes)).min(1, 'name at least one scope'),
});

/** Keys for integrations (admin). The token appears once, in the answer to POST; only its hash is kept. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['administration'];
  r.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'List API keys (admin)',
        response: { 200: z.object({ items: z.array(ZApiKey) }) },
      },
    },
    async (request) => ({
      items: (await listApiKeys({ db: ctx.db, actor: actorOf(request) })).map(presentKey),
    }),
  );
  r.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (admin); the token is shown once',
        body: ZCreateApiKey,
        response: { 201: ZApiKey.extend({ token: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token, ...key } = await createApiKey({
        db: ctx.db,
        actor: actorOf(request),
        name: request.body.name,
        scopes: [...new Set(request.body.scopes)],
      });
      return reply.status(201).send({ ...presentKey(key), token });
    },
  );
  r.delete(
    '/api/v1/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key (admin)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiKey({ db: ctx.db, actor: actorOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
