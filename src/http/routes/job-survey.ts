import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { resendInvitation } from '../../domain/invitations/resend-invitation';
import { actorOf } from '../authenticate';
import { ZIdParams } from '../presenters/page';

const ZResent = z.object({
  invitationId: z.number().int(),
  sendAfter: z.string().describe('when the dispatcher sends it: now, or 08:00 after the quiet hours'),
});

/** Acting on a job's survey: an admin sends an undeliverable invitation again (once). */
export async function register(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/jobs/:id/survey/resend',
    {
      schema: {
        tags: ['responses'],
        summary: 'Send an undeliverable invitation again (admin)',
        description:
          'Only while every message of the invitation failed. 409 when it is not undeliverable (any more: ' +
          'a second click is refused) or the tenant may not be invited now (opted out, another invitation, …).',
        params: ZIdParams,
        response: { 202: ZResent },
      },
    },
    async (request, reply) => {
      const resent = await resendInvitation({
        db: ctx.db,
        actor: actorOf(request),
        jobId: request.params.id,
        dispatchWakeup: ctx.dispatchWakeup,
      });
      return reply
        .status(202)
        .send({ invitationId: resent.invitationId, sendAfter: resent.sendAfter.toISOString() });
    },
  );
}
