import type { Db } from '../../db/client';
import { organisation } from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { recordAudit } from '../audit/record-audit';
import type { SurveyBrandingCache } from '../responses/survey-branding';
import { readOrganisationSettings } from './get-organisation-settings';
import { type TOrganisationSettings, ZOrganisationSettings } from './organisation-settings';

/** Admins replace the settings as a whole; the row is created on first save. Audited with the changed fields. */
export async function updateOrganisationSettings({
  db,
  actor,
  settings,
  surveyBranding,
}: {
  db: Db;
  actor: Actor;
  settings: TOrganisationSettings;
  /** the survey page's kept branding (the AppContext's), forgotten once saved */
  surveyBranding: SurveyBrandingCache;
}) {
  authorize(actor, 'organisation.manage');
  const next = ZOrganisationSettings.parse(settings);
  const before = await readOrganisationSettings(db);
  await db
    .insert(organisation)
    .values({ id: 1, ...next })
    .onConflictDoUpdate({ target: organisation.id, set: { ...next, updatedAt: new Date() } });
  surveyBranding.forget(); // the survey page keeps the branding in memory
  const changed = (Object.keys(next) as (keyof TOrganisationSettings)[]).filter((k) => next[k] !== before[k]);
  if (changed.length)
    await recordAudit({
      db,
      actor,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: 1,
      details: { changed },
    });
  return next;
}
