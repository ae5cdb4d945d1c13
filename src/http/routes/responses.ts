import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { getJobSurvey } from '../../domain/responses/get-job-survey';
import { listResponses } from '../../domain/responses/list-responses';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { registerPageRoute } from '../page-route';
import { personalData } from '../personal-data';
import { ZIdParams, ZPageQuery } from '../presenters/page';
import { presentJobSurvey, presentResponse, ZJobSurvey, ZResponseItem } from '../presenters/response';
import { ZResponseFilterFields, ZSubmittedBetween } from '../presenters/response-filters';

export const ZListResponsesQuery = ZPageQuery.extend({
  ...ZSubmittedBetween.shape,
  ...ZResponseFilterFields.shape,
});

/** Survey responses, and the survey of one job. Every read is scoped by the policy. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['responses'];

  registerPageRoute(app, ctx, {
    url: '/api/v1/responses',
    tags,
    summary: 'Submitted responses with their answers, newest first (scoped)',
    querystring: ZListResponsesQuery,
    item: ZResponseItem,
    list: listResponses,
    present: presentResponse,
    personalData: true,
  });

  r.get(
    '/api/v1/jobs/:id/survey',
    {
      config: personalData,
      schema: {
        tags,
        summary: "A job's invitation with its messages, and its response",
        params: ZIdParams,
        response: { 200: ZJobSurvey },
      },
    },
    async (request) => {
      const survey = await getJobSurvey({
        db: ctx.db,
        actor: actorOf(request),
        jobId: request.params.id,
      }).catch(forbiddenAs(404));
      if (!survey) throw notFound('Job not found');
      return presentJobSurvey(survey);
    },
  );
}
