/**
 * The tenant's links. The token opens a survey, so it must never be shown to staff: the outbox shows
 * `/s/…` instead (redactSurveyLinks), and only the tenant's own message carries the real link.
 */
export function surveyUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}`;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/s/${token}/unsubscribe`;
}

const SURVEY_LINK = /\/s\/[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g;

/** `/s/<token>` → `/s/…` everywhere in a message body (text or HTML, also inside attributes). */
export function redactSurveyLinks<T extends string | null>(body: T): T {
  return (body === null ? body : body.replace(SURVEY_LINK, '/s/…')) as T;
}
