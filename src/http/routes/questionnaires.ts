import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { createDraft } from '../../domain/questionnaires/create-draft';
import { getQuestionnaireVersion } from '../../domain/questionnaires/get-questionnaire-version';
import { listQuestionnaires } from '../../domain/questionnaires/list-questionnaires';
import { publishDraft } from '../../domain/questionnaires/publish-draft';
import { ZQuestionnaireDefinition } from '../../domain/questionnaires/questionnaire-definition';
import { updateDraft } from '../../domain/questionnaires/update-draft';
import { actorOf } from '../authenticate';
import { notFound } from '../errors';
import {
  presentQuestionnaire,
  presentQuestionnaireVersion,
  ZQuestionnaireItem,
  ZQuestionnaireVersion,
} from '../presenters/questionnaire';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const tags = ['questionnaires'];

/** Versioned questionnaires per journey: everyone who sees results reads them; admin and quality edit. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/questionnaires',
    {
      schema: {
        tags,
        summary: 'Questionnaires with their published and draft version numbers',
        response: { 200: z.object({ items: z.array(ZQuestionnaireItem) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await listQuestionnaires({ db: ctx.db, actor });
      return { items: rows.map((row) => presentQuestionnaire(row, actor)) };
    },
  );
  r.get(
    '/api/v1/questionnaires/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version with its definition',
        params: ZId.extend({ version: z.coerce.number().int().positive() }),
        response: { 200: ZQuestionnaireVersion },
      },
    },
    async (request) => {
      const found = await getQuestionnaireVersion({
        db: ctx.db,
        actor: actorOf(request),
        questionnaireId: request.params.id,
        version: request.params.version,
      });
      if (!found) throw notFound('No such questionnaire version');
      return presentQuestionnaireVersion(found);
    },
  );
  r.post(
    '/api/v1/questionnaires/:id/draft',
    {
      schema: {
        tags,
        summary: 'Start the next version as a draft, copied from the published one (admin, quality)',
        params: ZId,
        response: { 201: ZQuestionnaireVersion },
      },
    },
    async (request, reply) => {
      const draft = await createDraft({
        db: ctx.db,
        actor: actorOf(request),
        questionnaireId: request.params.id,
      });
      return reply.status(201).send(presentQuestionnaireVersion(draft));
    },
  );
  r.put(
    '/api/v1/questionnaires/:id/draft',
    {
      schema: {
        tags,
        summary: 'Replace the definition of the draft (admin, quality)',
        params: ZId,
        body: z.object({ definition: ZQuestionnaireDefinition }),
        response: { 200: ZQuestionnaireVersion },
      },
    },
    async (request) =>
      presentQuestionnaireVersion(
        await updateDraft({
          db: ctx.db,
          actor: actorOf(request),
          questionnaireId: request.params.id,
          definition: request.body.definition,
        }),
      ),
  );
  r.post(
    '/api/v1/questionnaires/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish the draft; the previous published version retires (admin, quality)',
        params: ZId,
        response: { 200: ZQuestionnaireVersion },
      },
    },
    async (request) =>
      presentQuestionnaireVersion(
        await publishDraft({ db: ctx.db, actor: actorOf(request), questionnaireId: request.params.id }),
      ),
  );
}
