import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { AnswerProblem } from '../../domain/questionnaires/check-answers';
import { findAnswerableInvitation, type SurveyFormAgain } from '../../domain/responses/answerable-invitation';
import { findInvitationByToken, openSurvey, type SurveyLocale } from '../../domain/responses/open-survey';
import { saveSurveyDraft } from '../../domain/responses/save-survey-draft';
import { submitResponse } from '../../domain/responses/submit-response';
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
  const { db, survey } = ctx;
  const pathOf = (token: string) => `/s/${token}`;
  const gone = async (reply: FastifyReply, locale: SurveyLocale) =>
    sendHtml(reply, 404, renderGone({ locale, org: await survey.branding.get() }));
  /** A post without a button: the form again with the problem named, when the link still works. */
  const withoutButton = async (token: string) => {
    const found = await findAnswerableInvitation(survey, token);
    if (found.state !== 'open') return found;
    const problems: AnswerProblem[] = [{ questionKey: 'action', message: 'action' }];
    return { state: 'invalid' as const, problems, form: found.form };
  };

  app.get<TokenRoute>(
    '/s/:token',
    { onRequest: limits.read, schema: { hide: true } },
    async (request, reply) => {
      const { token } = request.params;
      const lang = localeOf(request.query.lang);
      const page = await openSurvey({ db, survey, token, locale: lang });
      const org = page.branding;
      if (page.state === 'unknown') return sendHtml(reply, 404, renderGone({ locale: lang ?? 'nl', org }));
      const common = { locale: page.locale, org, path: pathOf(token), definition: page.definition };
      if (page.state === 'answered')
        return sendHtml(reply, 200, renderThanks({ ...common, answers: page.answers }));
      const notice = request.query.saved ? textsFor(page.locale).saved : undefined;
      return sendHtml(
        reply,
        200,
        renderSurveyForm({
          ...common,
          values: page.draft,
          job: page.job,
          notice,
          published: page.published,
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
      // the form again, from what the use case looked up (the page is not opened again: no second lookup)
      const showAgain = async (
        status: number,
        again: SurveyFormAgain,
        problems: AnswerProblem[],
        notice?: string,
      ) => {
        const locale = lang ?? again.locale;
        const page = renderSurveyForm({
          locale,
          org: await survey.branding.get(),
          path: pathOf(token),
          definition: again.definition,
          job: again.job,
          values: form.answers,
          problems,
          notice: notice === 'revealed' ? textsFor(locale).revealed : undefined,
        });
        return sendHtml(reply, status, page);
      };
      const result = !form.action
        ? await withoutButton(token)
        : form.action === 'save'
          ? await saveSurveyDraft({ db, survey, token, answers: form.answers })
          : await submitResponse({ db, survey, token, answers: form.answers, shown: form.shown });
      switch (result.state) {
        case 'unknown':
          return gone(reply, lang ?? 'nl');
        case 'invalid':
          return showAgain(400, result.form, result.problems);
        case 'revealed':
          return showAgain(200, result.form, [], 'revealed');
        case 'saved':
          return reply.redirect(`${pathOf(token)}?saved=1`, 303);
        default:
          // submitted, or answered before (a replay): the page now says thanks (post/redirect/get)
          return reply.redirect(pathOf(token), 303);
      }
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
      const saved = await saveSurveyDraft({
        db,
        survey,
        token: request.params.token,
        answers: parsed.data.answers,
      });
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
      const [found, org] = await Promise.all([findInvitationByToken(db, token), survey.branding.get()]);
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
      const org = await survey.branding.get();
      return sendHtml(
        reply,
        200,
        renderMessage({ locale, org, title: t.unsubscribedTitle, text: t.unsubscribedText }),
      );
    },
  );
}
