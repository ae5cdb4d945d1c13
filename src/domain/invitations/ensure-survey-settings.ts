import type { Db } from '../../db/client';
import { journeys, surveySettings } from '../../db/schema';
import { DEFAULT_SURVEY_SETTINGS } from './survey-settings';

/**
 * Gives every journey its survey settings row (the defaults) when it has none. Runs at every start;
 * idempotent, and safe when several processes start together (ON CONFLICT DO NOTHING).
 */
export async function ensureSurveySettings({ db }: { db: Db }) {
  const created = await db
    .insert(surveySettings)
    .values(journeys.map((journey) => ({ journey, ...DEFAULT_SURVEY_SETTINGS })))
    .onConflictDoNothing({ target: surveySettings.journey })
    .returning({ journey: surveySettings.journey });
  return { created: created.length };
}
