import type { Db } from '../../db/client';
import { PublishedDefinitions } from '../questionnaires/published-definitions';
import { InvitationLookups } from './invitation-lookups';
import { OpenedMarks } from './opened-marks';
import { SubmissionQueue } from './store-submissions';
import { SurveyBrandingCache } from './survey-branding';

/**
 * What the tenant's survey page and its submission keep per process and database: created with the
 * AppContext (src/boot.ts), handed to the use cases that need it, stopped by closeContext. Nothing
 * of it lives in a module, so two contexts (tests, two databases) never share it.
 */
export interface SurveyMachinery {
  /** published questionnaire versions, kept frozen (../questionnaires/published-definitions.ts) */
  definitions: PublishedDefinitions;
  /** the corporation's name, logo and colour (survey-branding.ts) */
  branding: SurveyBrandingCache;
  /** first views, written in batches off the response path (opened-marks.ts) */
  openedMarks: OpenedMarks;
  /** the token lookups of saves and submissions, batched (invitation-lookups.ts) */
  invitations: InvitationLookups;
  /** the group-commit queue of final submissions (store-submissions.ts) */
  submissions: SubmissionQueue;
}

export function startSurveyMachinery(db: Db): SurveyMachinery {
  return {
    definitions: new PublishedDefinitions(db),
    branding: new SurveyBrandingCache(db),
    openedMarks: new OpenedMarks(db),
    invitations: new InvitationLookups(db),
    submissions: new SubmissionQueue(db),
  };
}

/** A normal stop: the submissions handed in are stored (and confirmed), the first views written. */
export async function stopSurveyMachinery(survey: SurveyMachinery) {
  await survey.invitations.drain();
  await survey.submissions.drain();
  await survey.openedMarks.flush();
}
