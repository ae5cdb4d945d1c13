import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { invitations, jobs, questionnaireVersions, responseAnswers, responses } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import type { AnswerRow } from '../questionnaires/check-answers';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

export type SurveyLocale = 'nl' | 'en';

/**
 * The tenant's survey behind a link token, as the page shows it. An unknown, malformed or expired
 * token all read as `unknown`: the page must not tell them apart (no probing for valid tokens).
 */
export type OpenedSurvey =
  | { state: 'unknown' }
  | {
      state: 'answered';
      invitationId: number;
      locale: SurveyLocale;
      definition: TQuestionnaireDefinition;
      answers: AnswerRow[];
    }
  | {
      state: 'open';
      invitationId: number;
      locale: SurveyLocale;
      definition: TQuestionnaireDefinition;
      draft: Record<string, unknown>;
      job: { journey: string; description: string | null; completedAt: Date | null };
    };

/** One indexed lookup by the token's hash; a malformed token never reaches the database. */
export async function findInvitationByToken(db: Db, token: string) {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({
      id: invitations.id,
      status: invitations.status,
      tenantId: invitations.tenantId,
      expiresAt: invitations.expiresAt,
      openedAt: invitations.openedAt,
      locale: invitations.locale,
      draftAnswers: invitations.draftAnswers,
      questionnaireVersionId: invitations.questionnaireVersionId,
      definition: questionnaireVersions.definition,
      job: { journey: jobs.journey, description: jobs.description, completedAt: jobs.completedAt },
    })
    .from(invitations)
    .leftJoin(questionnaireVersions, eq(questionnaireVersions.id, invitations.questionnaireVersionId))
    .leftJoin(jobs, eq(jobs.id, invitations.jobId))
    .where(eq(invitations.tokenHash, hashSurveyToken(token)));
  return row ?? null;
}

/** Still answerable: sent and not past its expiry (the cron marks `expired` later; readers check too). */
export const isOpen = (i: { status: string; expiresAt: Date | null }, now = new Date()) =>
  i.status === 'sent' && (!i.expiresAt || i.expiresAt > now);

/**
 * Opens the survey for the page: marks `openedAt` the first time, remembers a chosen language on
 * the invitation, and gives the saved draft (or, once answered, what was answered).
 */
export async function openSurvey({
  db,
  token,
  locale,
}: {
  db: Db;
  token: string;
  locale?: SurveyLocale;
}): Promise<OpenedSurvey> {
  const found = await findInvitationByToken(db, token);
  if (!found?.definition) return { state: 'unknown' };
  const definition = found.definition as TQuestionnaireDefinition;
  const chosen = locale ?? found.locale ?? 'nl';
  if (found.status === 'answered') {
    if (locale && locale !== found.locale) await rememberLocale(db, found.id, locale);
    return {
      state: 'answered',
      invitationId: found.id,
      locale: chosen,
      definition,
      answers: await answersOf(db, found.id),
    };
  }
  if (!isOpen(found)) return { state: 'unknown' };
  if (!found.openedAt)
    await db
      .update(invitations)
      .set({ openedAt: new Date(), ...(locale ? { locale } : {}) })
      .where(and(eq(invitations.id, found.id), isNull(invitations.openedAt)));
  else if (locale && locale !== found.locale) await rememberLocale(db, found.id, locale);
  return {
    state: 'open',
    invitationId: found.id,
    locale: chosen,
    definition,
    draft: (found.draftAnswers as Record<string, unknown> | null) ?? {},
    job: found.job ?? { journey: 'repair', description: null, completedAt: null },
  };
}

async function rememberLocale(db: Db, invitationId: number, locale: SurveyLocale) {
  await db.update(invitations).set({ locale }).where(eq(invitations.id, invitationId));
}

async function answersOf(db: Db, invitationId: number): Promise<AnswerRow[]> {
  const rows = await db
    .select({
      questionKey: responseAnswers.questionKey,
      questionType: responseAnswers.questionType,
      numericValue: responseAnswers.numericValue,
      textValue: responseAnswers.textValue,
      choiceValues: responseAnswers.choiceValues,
      phase: responseAnswers.phase,
      technicianInfluenceable: responseAnswers.technicianInfluenceable,
    })
    .from(responseAnswers)
    .innerJoin(responses, eq(responses.id, responseAnswers.responseId))
    .where(eq(responses.invitationId, invitationId))
    .orderBy(asc(responseAnswers.id));
  return rows as AnswerRow[];
}

/** A questionnaire version (draft or published) as a tenant would see it, for the editor's preview. */
export async function openSurveyPreview({
  db,
  actor,
  versionId,
}: {
  db: Db;
  actor: Actor;
  versionId: number;
}) {
  authorize(actor, 'questionnaire.read');
  const [row] = await db
    .select({ definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.id, versionId));
  return row ? { definition: row.definition as TQuestionnaireDefinition } : null;
}
