import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resolveSessionActor } from '../../auth/session-actor';
import type { AppContext } from '../../context';
import { openSurveyPreview } from '../../domain/responses/open-survey';
import { ForbiddenError } from '../../policy/policy';
import { renderMessage, renderSurveyForm } from './pages';
import { localeOf, textsFor } from './texts';

type PreviewRoute = { Params: { versionId: string }; Querystring: { lang?: string } };

/**
 * The questionnaire editor's "preview as the tenant sees it": exactly the tenant's page for one
 * version (draft or published), with the corporation's branding, a banner, and no working submit.
 * Staff only (a session with `questionnaire.read`); the page saves nothing.
 */
export async function previewRoute(
  app: FastifyInstance,
  ctx: AppContext,
  limit: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) {
  app.get<PreviewRoute>(
    '/s/preview/:versionId',
    { onRequest: limit, schema: { hide: true } },
    async (request, reply) => {
      const locale = localeOf(request.query.lang) ?? 'nl';
      const t = textsFor(locale);
      const org = await ctx.survey.branding.get();
      const refuse = (status: number, title: string, text: string) =>
        reply
          .status(status)
          .type('text/html; charset=utf-8')
          .send(renderMessage({ locale, org, title, text }));
      const actor = await resolveSessionActor(request, ctx);
      if (!actor) return refuse(401, t.signInTitle, t.signInText);
      const versionId = /^\d{1,9}$/.test(request.params.versionId) ? Number(request.params.versionId) : null;
      try {
        const version = versionId ? await openSurveyPreview({ db: ctx.db, actor, versionId }) : null;
        if (!version) return refuse(404, t.goneTitle, t.goneText);
        const page = renderSurveyForm({
          locale,
          org,
          path: `/s/preview/${versionId}`,
          definition: version.definition,
          values: {},
          preview: true,
        });
        return reply.type('text/html; charset=utf-8').send(page);
      } catch (err) {
        if (err instanceof ForbiddenError) return refuse(403, t.badTitle, t.forbiddenText);
        throw err;
      }
    },
  );
}
