import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { listSurveySettings } from '../../domain/invitations/list-survey-settings';
import { ZJourney, ZSurveySettings, ZSurveySettingsFields } from '../../domain/invitations/survey-settings';
import { updateSurveySettings } from '../../domain/invitations/update-survey-settings';
import { authorize } from '../../policy/policy';
import { actorOf } from '../authenticate';

const ZJourneySettings = ZSurveySettingsFields.extend({ journey: ZJourney });
const tags = ['surveys'];
/** refused before the body is read: a technician learns nothing from validation messages */
const mayManage = async (request: FastifyRequest) => authorize(actorOf(request), 'survey-settings.manage');

/**
 * When invitations go out, per journey (admin, quality). There is deliberately no route to send or
 * choose an invitation: completion schedules it, the product sends it (sector validity rule).
 */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/survey-settings',
    {
      preValidation: mayManage,
      schema: {
        tags,
        summary: 'Survey settings per journey: delay, reminder, expiry, quarantine (admin, quality)',
        response: { 200: z.object({ items: z.array(ZJourneySettings) }) },
      },
    },
    async (request) => ({ items: await listSurveySettings({ db: ctx.db, actor: actorOf(request) }) }),
  );
  r.put(
    '/api/v1/survey-settings/:journey',
    {
      preValidation: mayManage,
      schema: {
        tags,
        summary: 'Replace the survey settings of one journey (admin, quality; audited)',
        params: z.object({ journey: ZJourney }),
        body: ZSurveySettings,
        response: { 200: ZJourneySettings },
      },
    },
    async (request) =>
      updateSurveySettings({
        db: ctx.db,
        actor: actorOf(request),
        journey: request.params.journey,
        settings: request.body,
      }),
  );
}
