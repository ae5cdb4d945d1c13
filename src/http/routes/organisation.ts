import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { getOrganisationSettings } from '../../domain/organisation/get-organisation-settings';
import { ZOrganisationSettings } from '../../domain/organisation/organisation-settings';
import { updateOrganisationSettings } from '../../domain/organisation/update-organisation-settings';
import { actorOf } from '../authenticate';

/** The corporation's settings: every signed-in user reads them, admins change them. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Organisation settings',
        response: { 200: ZOrganisationSettings },
      },
    },
    async (request) => getOrganisationSettings({ db: ctx.db, actor: actorOf(request) }),
  );
  r.put(
    '/api/v1/organisation',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Replace the organisation settings (admin)',
        body: ZOrganisationSettings,
        response: { 200: ZOrganisationSettings },
      },
    },
    async (request) =>
      updateOrganisationSettings({
        db: ctx.db,
        actor: actorOf(request),
        settings: request.body,
        surveyBranding: ctx.survey.branding,
      }),
  );
}
