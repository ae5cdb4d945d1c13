import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { journeys, surveySettings } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import type { JourneySurveySettings } from './survey-settings';

/** The survey settings of every journey, in the product's journey order (admin, quality). */
export async function listSurveySettings({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<JourneySurveySettings[]> {
  authorize(actor, 'survey-settings.manage');
  const rows = await db.select().from(surveySettings).orderBy(asc(surveySettings.journey));
  return rows
    .sort((a, b) => journeys.indexOf(a.journey) - journeys.indexOf(b.journey))
    .map(({ journey, enabled, delayMinutes, reminderDays, expiryDays, quarantineDays }) => ({
      journey,
      enabled,
      delayMinutes,
      reminderDays,
      expiryDays,
      quarantineDays,
    }));
}
