import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { listAuditLog } from '../../domain/audit/list-audit-log';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';
import { ZPageQuery, zPage } from '../presenters/page';

const ZAuditQuery = ZPageQuery.extend({
  action: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with offset' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time with offset' }).optional(),
});
export const ZAuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  actor: z.object({
    kind: z.enum(['user', 'api_key', 'system']),
    id: z.string().nullable(),
    name: z.string().nullable(),
  }),
});

/** The audit log, for admins: sign-ins, role changes, API keys, imports, opened contact data. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit-log',
    {
      config: personalData, // who did what, from which address
      schema: {
        tags: ['administration'],
        summary: 'Read the audit log (admin)',
        querystring: ZAuditQuery,
        response: {
          200: zPage(ZAuditEntry),
        },
      },
    },
    async (request) => {
      const { from, to, ...query } = request.query;
      const result = await listAuditLog({
        db: ctx.db,
        actor: actorOf(request),
        ...query,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
      return {
        ...result,
        items: result.items.map((e) => {
          const details = (e.details ?? null) as Record<string, unknown> | null;
          const actor = e.actorUserId
            ? { kind: 'user' as const, id: e.actorUserId, name: e.actorUserName }
            : e.actorApiKeyId
              ? { kind: 'api_key' as const, id: String(e.actorApiKeyId), name: e.actorApiKeyName }
              : {
                  kind: 'system' as const,
                  id: null,
                  name: typeof details?.system === 'string' ? details.system : null,
                };
          return {
            id: e.id,
            at: e.at.toISOString(),
            action: e.action,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            details,
            ip: e.ip,
            actor,
          };
        }),
      };
    },
  );
}
