import type { FastifyInstance } from 'fastify';

/** A posted HTML form: every field as a string, repeated fields (checkboxes) as a list. */
export type FormBody = Record<string, string | string[]>;

/** The survey form's small body limit: two full comments in any script fit many times over. */
export const SURVEY_BODY_LIMIT = 64 * 1024;

/** Parses application/x-www-form-urlencoded for the survey routes only (the API speaks JSON). */
export function acceptForms(app: FastifyInstance) {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: SURVEY_BODY_LIMIT },
    (_request, body, done) => {
      const fields: FormBody = Object.create(null);
      for (const [key, value] of new URLSearchParams(body as string)) {
        const before = fields[key];
        fields[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
      }
      done(null, fields);
    },
  );
}

export interface SurveyForm {
  action: 'save' | 'submit' | null;
  /** the questions the page showed (absent when a client posts without the page) */
  shown: string[] | undefined;
  answers: Record<string, unknown>;
}

/** Splits a posted survey form into its button, the shown-question markers and the answers. */
export function readSurveyForm(body: unknown): SurveyForm {
  const fields: FormBody = body && typeof body === 'object' ? (body as FormBody) : {};
  const { action, _shown, ...answers } = fields;
  return {
    action: action === 'save' || action === 'submit' ? action : null,
    shown: _shown === undefined ? undefined : Array.isArray(_shown) ? _shown : [_shown],
    answers,
  };
}
