import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Journey, surveySettings } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import { invalidFields } from '../errors';
import { type JourneySurveySettings, ZSurveySettings } from './survey-settings';

/**
 * Replaces one journey's survey settings (admin, quality) and records the change with before and
 * after in the audit log. Applies to invitations scheduled from now on; the dispatcher reads the
 * journey's expiry and quarantine when it sends.
 */
export async function updateSurveySettings({
  db,
  actor,
  journey,
  settings,
}: {
  db: Db;
  actor: Actor;
  journey: Journey;
  settings: unknown;
}): Promise<JourneySurveySettings> {
  authorize(actor, 'survey-settings.manage');
  const parsed = ZSurveySettings.safeParse(settings);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw invalidFields(issues);
  }
  const next = parsed.data;
  const before = await db.transaction(async (tx) => {
    const [old] = await tx
      .select()
      .from(surveySettings)
      .where(eq(surveySettings.journey, journey))
      .for('update');
    await tx
      .insert(surveySettings)
      .values({ journey, ...next })
      .onConflictDoUpdate({ target: surveySettings.journey, set: { ...next, updatedAt: sql`now()` } });
    return old ?? null;
  });
  await recordAudit({
    db,
    actor,
    action: 'survey-settings.updated',
    subjectType: 'survey-settings',
    subjectId: journey,
    details: {
      before: before && {
        enabled: before.enabled,
        delayMinutes: before.delayMinutes,
        reminderDays: before.reminderDays,
        expiryDays: before.expiryDays,
        quarantineDays: before.quarantineDays,
      },
      after: next,
    },
  });
  return { journey, ...next };
}
