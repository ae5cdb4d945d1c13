import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runPrepared } from '../../db/prepared-statement';
import { invitations, questionnaireVersions, responseAnswers, responses } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import type { AnswerRow } from '../questionnaires/check-answers';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import { isOpen } from './answerable-invitation';
import type { SurveyBranding } from './survey-branding';
import type { SurveyMachinery } from './survey-machinery';

export type SurveyLocale = 'nl' | 'en';

/**
 * The tenant's survey behind a link token, as the page shows it. An unknown, malformed or expired
 * token all read as `unknown`: the page must not tell them apart (no probing for valid tokens).
 */
export type OpenedSurvey = { branding: SurveyBranding } & (
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
      /** the version is published, so its definition never changes (the page may keep its form) */
      published: boolean;
      draft: Record<string, unknown>;
      job: { journey: string; description: string | null; completedAt: Date | null };
    }
);

/**
 * The invitation behind a link token, as the unsubscribe pages need it: one indexed lookup by the
 * token's hash; a malformed token never reaches the database.
 */
export async function findInvitationByToken(db: Db, token: string) {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ id: invitations.id, tenantId: invitations.tenantId, locale: invitations.locale })
    .from(invitations)
    .where(eq(invitations.tokenHash, hashSurveyToken(token)));
  return row ?? null;
}

/**
 * The page's one query: the invitation and its job, by the token's hash, as a prepared statement
 * (prepared-statement.ts): planning a join was most of a page view's cost on PGlite. The
 * questionnaire and the corporation's branding come from memory (`survey.definitions`,
 * `survey.branding`: survey-machinery.ts): on PGlite every further table in the query costs
 * about as much again.
 */
const PAGE_LOOKUP = {
  name: 'survey_page_lookup',
  types: ['text'],
  text: `SELECT i.id, i.status, i.expires_at AS "expiresAt", i.opened_at AS "openedAt", i.locale,
      i.draft_answers AS "draftAnswers", i.questionnaire_version_id AS "versionId",
      j.journey, j.description, j.completed_at AS "completedAt"
    FROM invitations i LEFT JOIN jobs j ON j.id = i.job_id
    WHERE i.token_hash = $1`,
};

interface PageRow {
  id: number;
  status: string;
  expiresAt: Date | null;
  openedAt: Date | null;
  locale: SurveyLocale | null;
  draftAnswers: unknown;
  versionId: number | null;
  journey: string | null;
  description: string | null;
  completedAt: Date | null;
}

async function lookUpPage(db: Db, token: string) {
  const [row] = await runPrepared<PageRow>(db, PAGE_LOOKUP, [hashSurveyToken(token)]);
  if (!row) return null;
  const { journey, description, completedAt, ...invitation } = row;
  return { ...invitation, job: journey ? { journey, description, completedAt } : null };
}

/**
 * Opens the survey for the page (a GET): marks `openedAt` the first time (written shortly after, in
 * a batch: opened-marks.ts), remembers a chosen language on the invitation, and gives the saved
 * draft (or, once answered, what was answered) with the corporation's branding.
 */
export async function openSurvey({
  db,
  survey,
  token,
  locale,
}: {
  db: Db;
  survey: Pick<SurveyMachinery, 'definitions' | 'branding' | 'openedMarks'>;
  token: string;
  locale?: SurveyLocale;
}): Promise<OpenedSurvey> {
  // a malformed token never reaches the database; an unknown and an expired one cost the same
  const [found, branding] = await Promise.all([
    SURVEY_TOKEN_PATTERN.test(token) ? lookUpPage(db, token) : null,
    survey.branding.get(),
  ]);
  const version = found?.versionId ? await survey.definitions.surveyDefinition(found.versionId) : null;
  if (!found || !version) return { state: 'unknown', branding };
  const { definition } = version;
  const chosen = locale ?? found.locale ?? 'nl';
  if (found.status === 'answered') {
    if (locale && locale !== found.locale) await rememberLocale(db, found.id, locale);
    return {
      state: 'answered',
      branding,
      invitationId: found.id,
      locale: chosen,
      definition,
      answers: await answersOf(db, found.id),
    };
  }
  if (!isOpen(found)) return { state: 'unknown', branding };
  if (locale && locale !== found.locale) {
    // a chosen language is written at once: the next view must already speak it
    await db
      .update(invitations)
      .set({ locale, ...(found.openedAt ? {} : { openedAt: new Date() }) })
      .where(eq(invitations.id, found.id));
  } else if (!found.openedAt) survey.openedMarks.mark(found.id);
  return {
    state: 'open',
    branding,
    invitationId: found.id,
    locale: chosen,
    definition,
    published: version.published,
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
