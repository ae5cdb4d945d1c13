import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { redactSurveyLinks } from '../../domain/invitations/survey-links';
import { listedOutboxStatuses, listOutbox } from '../../domain/outbox/list-outbox';
import { actorOf } from '../authenticate';
import { personalData } from '../personal-data';
import { ZPageQuery, ZSearchText, zPage } from '../presenters/page';

const ZOutboxQuery = ZPageQuery.extend({
  status: z.enum(listedOutboxStatuses).optional(),
  channel: z.enum(['email', 'sms']).optional(),
  kind: z.string().max(100).optional(),
  recipient: ZSearchText.optional(),
});
export const ZOutboxMessage = z.object({
  id: z.number(),
  channel: z.enum(['email', 'sms']),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  status: z
    .enum(listedOutboxStatuses)
    .describe(
      'not_sent: no provider configured, the message was never delivered; sending: queued and in a live worker’s hands now',
    ),
  sendingSince: z.string().nullable().describe('while sending: since when the worker holds it'),
  bodyText: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  /** true when the body holds a sign-in link this reader may not see */
  bodyHidden: z.boolean(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** The message outbox (admin, quality): what was sent, and honestly what was not. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/outbox',
    {
      config: personalData, // recipients and what they were sent
      schema: {
        tags: ['administration'],
        summary: 'Read the message outbox (admin, quality)',
        querystring: ZOutboxQuery,
        response: {
          200: zPage(ZOutboxMessage),
        },
      },
    },
    async (request) => {
      const result = await listOutbox({ db: ctx.db, actor: actorOf(request), ...request.query });
      return {
        ...result,
        items: result.items.map((m) => ({
          id: m.id,
          channel: m.channel,
          kind: m.kind,
          recipient: m.recipient,
          subject: m.subject,
          status: m.status,
          sendingSince: m.sendingSince ? m.sendingSince.toISOString() : null,
          // a survey link opens the tenant's survey: nobody on staff sees the token, admins included
          bodyText: redactSurveyLinks(m.bodyText),
          bodyHtml: redactSurveyLinks(m.bodyHtml),
          bodyHidden: m.bodyHidden,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt ? m.sentAt.toISOString() : null,
        })),
      };
    },
  );
}
