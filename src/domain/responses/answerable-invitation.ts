import { hashSurveyToken, SURVEY_TOKEN_PATTERN } from '../invitations/survey-token';
import type { KnownVersion } from '../questionnaires/published-definitions';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';
import type { LookedUpInvitation } from './invitation-lookups';
import type { SurveyLocale } from './open-survey';
import type { SurveyMachinery } from './survey-machinery';

/** Still answerable: sent and not past its expiry (the cron marks `expired` later; readers check too). */
export const isOpen = (i: { status: string; expiresAt: Date | null }, now = new Date()) =>
  i.status === 'sent' && (!i.expiresAt || i.expiresAt > now);

/** What the page needs to show the form again (answers refused, a follow-up revealed), from the same lookup. */
export interface SurveyFormAgain {
  invitationId: number;
  /** the language the invitation remembers (the page's ?lang= goes before it) */
  locale: SurveyLocale;
  definition: TQuestionnaireDefinition;
  job: { journey: string; description: string | null; completedAt: Date | null };
}

export type AnswerableInvitation =
  | { state: 'unknown' }
  | { state: 'answered' }
  | { state: 'open'; invitation: LookedUpInvitation; version: KnownVersion; form: SurveyFormAgain };

/**
 * The invitation behind a link token as a save or a submission meets it, from its one token lookup:
 * `unknown` (malformed, no such invitation or questionnaire, expired or withdrawn), `answered`, or
 * `open` with the version it asks (from memory while it is still the one kept) and what the form
 * needs to be shown again. Reads only: nothing is marked or remembered (that is the page's GET).
 */
export async function findAnswerableInvitation(
  survey: Pick<SurveyMachinery, 'invitations' | 'definitions'>,
  token: string,
): Promise<AnswerableInvitation> {
  if (!SURVEY_TOKEN_PATTERN.test(token)) return { state: 'unknown' };
  const invitation = await survey.invitations.find(hashSurveyToken(token));
  if (!invitation?.versionId) return { state: 'unknown' };
  const version = await survey.definitions.questionnaireVersion(invitation.versionId, invitation.publishedMs);
  if (!version) return { state: 'unknown' };
  if (invitation.status === 'answered') return { state: 'answered' };
  if (!isOpen(invitation)) return { state: 'unknown' };
  const form: SurveyFormAgain = {
    invitationId: invitation.id,
    locale: invitation.locale ?? 'nl',
    definition: version.definition,
    job: invitation.job ?? { journey: 'repair', description: null, completedAt: null },
  };
  return { state: 'open', invitation, version, form };
}
