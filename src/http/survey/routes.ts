import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { AnswerProblem } from '../../domain/questionnaires/check-answers';
import { findInvitationByToken, openSurvey, type SurveyLocale } from '../../domain/responses/open-survey';
import { saveSurveyDraft } from '../../domain/responses/save-survey-draft';
import { submitResponse } from '../../domain/responses/submit-response';
import { surveyBranding } from '../../domain/responses/survey-branding';
import { unsubscribeTenant } from '../../domain/responses/unsubscribe-tenant';
import { readSurveyForm } from './form-body';
import { renderGone, renderMessage, renderSurveyForm, renderThanks, renderUnsubscribe } from './pages';
import { localeOf, textsFor } from './texts';

type TokenRoute = { Params: { token: string }; Querystring: { lang?: string; saved?: string } };
export interface RouteLimits {
  read: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  write: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
}

const ZDraft = z.object({ answers: z.record(z.string(), z.unknown()) });
const sendHtml = (reply: FastifyReply, status: number, page: string | Buffer) =>
  reply.status(status).type('text/html; charset=utf-8').send(page);

/** The tenant's pages: thin handlers that call the use cases and render what they answer. */
export async function surveyRoutes(app: FastifyInstance, ctx: AppContext, limits: RouteLimits) {
  const { db } = ctx;
  const pathOf = (token: string) => `/s/${token}`;
  const gone = async (reply: FastifyReply, locale: SurveyLocale) =>
    sendHtml(reply, 404, renderGone({ locale, org: await surveyBranding(db) }));

  app.get<TokenRoute>(
    '/s/:token',
    { onRequest: limits.read, schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const lang = localeOf(request.query.lang);
      const survey = await openSurvey({ db, token, locale: lang });
      const org = survey.branding;
      if (survey.state === 'unknown') return sendHtml(reply, 404, renderGone({ locale: lang ?? 'nl', org }));
      const common = { locale: survey.locale, org, path: pathOf(token), definition: survey.definition };
      if (survey.state === 'answered')
        return sendHtml(reply, 200, renderThanks({ ...common, answers: survey.answers }));
      const notice = request.query.saved ? textsFor(survey.locale).saved : undefined;
      return sendHtml(
        reply,
        200,
        renderSurveyForm({
          ...common,
          values: survey.draft,
          job: survey.job,
          notice,
          published: survey.published,
        }),
      );
    },
  );

  app.post<TokenRoute>(
    '/s/:token',
    { onRequest: limits.write, schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const form = readSurveyForm(request.body);
      const lang = localeOf(request.query.lang);
      // the common paths (save, submit) store first and read the page only when it is shown again
      const again = async (status: number, problems: AnswerProblem[], notice?: 'revealed') => {
        const survey = await openSurvey({ db, token, locale: lang });
        const org = survey.branding;
        if (survey.state === 'unknown')
          return sendHtml(reply, 404, renderGone({ locale: lang ?? 'nl', org }));
        if (survey.state === 'answered') return reply.redirect(pathOf(token), 303);
        const text = notice ? textsFor(survey.locale).revealed : undefined;
        const page = renderSurveyForm({
          ...{
            locale: survey.locale,
            org,
            path: pathOf(token),
            definition: survey.definition,
            job: survey.job,
          },
          values: form.answers,
          problems,
          notice: text,
        });
        return sendHtml(reply, status, page);
      };
      if (!form.action) return again(400, [{ questionKey: 'action', message: 'action' }]);
      if (form.action === 'save') {
        const saved = await saveSurveyDraft({ db, token, answers: form.answers });
        if (saved.state === 'unknown') return gone(reply, lang ?? 'nl');
        if (saved.state === 'invalid') return again(400, saved.problems);
        return reply.redirect(saved.state === 'answered' ? pathOf(token) : `${pathOf(token)}?saved=1`, 303);
      }
      const result = await submitResponse({ db, token, answers: form.answers, shown: form.shown });
      if (result.state === 'unknown') return gone(reply, lang ?? 'nl');
      if (result.state === 'invalid') return again(400, result.problems);
      if (result.state === 'revealed') {
        await saveSurveyDraft({ db, token, answers: form.answers });
        return again(200, [], 'revealed');
      }
      // submitted, or answered before (a replay): the page now says thanks (post/redirect/get)
      return reply.redirect(pathOf(token), 303);
    },
  );

  // save as you go from the page's script: JSON in, JSON out
  app.post<TokenRoute>(
    '/s/:token/draft',
    { onRequest: limits.write, schema: { hide: true } },
    async (request, reply) => {
      const parsed = ZDraft.safeParse(request.body);
      if (!parsed.success)
        return reply
          .status(400)
          .send({ error: 'invalid_request', message: 'body.answers: must be an object of answers' });
      const saved = await saveSurveyDraft({ db, token: request.params.token, answers: parsed.data.answers });
      if (saved.state === 'unknown')
        return reply.status(404).send({ error: 'not_found', message: 'Not found' });
      if (saved.state === 'answered')
        return reply.status(409).send({ error: 'conflict', message: 'Already answered' });
      if (saved.state === 'invalid') {
        const issues = saved.problems.map((p) => ({ field: `answers.${p.questionKey}`, message: p.message }));
        const message = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
        return reply.status(400).send({ error: 'invalid_request', message, issues });
      }
      return { saved: true, savedAt: saved.savedAt.toISOString() };
    },
  );

  app.get<TokenRoute>(
    '/s/:token/unsubscribe',
    { onRequest: limits.read, schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const [found, org] = await Promise.all([findInvitationByToken(db, token), surveyBranding(db)]);
      const locale = localeOf(request.query.lang) ?? found?.locale ?? 'nl';
      if (!found?.tenantId)
        return sendHtml(reply, 404, renderGone({ locale: localeOf(request.query.lang) ?? 'nl', org }));
      return sendHtml(reply, 200, renderUnsubscribe({ locale, org, path: pathOf(token) }));
    },
  );

  // the page's button and the e-mail's one-click header (RFC 8058: body List-Unsubscribe=One-Click)
  app.post<TokenRoute>(
    '/s/:token/unsubscribe',
    { onRequest: limits.write, schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const lang = localeOf(request.query.lang);
      const result = await unsubscribeTenant({ db, token, ip: request.ip });
      if (result.state === 'unknown') return gone(reply, lang ?? 'nl');
      const found = await findInvitationByToken(db, token);
      const locale = lang ?? found?.locale ?? 'nl';
      const t = textsFor(locale);
      const org = await surveyBranding(db);
      return sendHtml(
        reply,
        200,
        renderMessage({ locale, org, title: t.unsubscribedTitle, text: t.unsubscribedText }),
      );
    },
  );
}
