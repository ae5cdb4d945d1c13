import type { Db } from '../../db/client';
import { readOrganisationSettings } from '../organisation/get-organisation-settings';
import type { TOrganisationSettings } from '../organisation/organisation-settings';

/** What the survey page shows of the corporation: its name or logo and its colour. */
export type SurveyBranding = Pick<TOrganisationSettings, 'name' | 'logoUrl' | 'primaryColor'>;

/**
 * The corporation's branding for the survey page, kept in memory so a page view reads no
 * organisation row (on PGlite every further table in a query costs about as much as the lookup
 * itself). One per process and database, owned by the AppContext (survey-machinery.ts). Saving the
 * settings forgets it at once in the process that saved them (update-organisation-settings.ts);
 * other processes on the same PostgreSQL read it again within KEEP_MS, so a new logo or colour
 * reaches every tenant's page within half a minute.
 */
export const KEEP_MS = 30_000;

export class SurveyBrandingCache {
  private cached: { branding: Promise<SurveyBranding>; readAt: number } | null = null;

  constructor(private readonly db: Db) {}

  get(): Promise<SurveyBranding> {
    const cached = this.cached;
    if (cached && Date.now() - cached.readAt < KEEP_MS) return cached.branding;
    const branding = readOrganisationSettings(this.db).then(({ name, logoUrl, primaryColor }) => ({
      name,
      logoUrl,
      primaryColor,
    }));
    const entry = { branding, readAt: Date.now() };
    this.cached = entry;
    // a failed read is not kept: the next view tries again
    branding.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return branding;
  }

  /** The settings changed: the next page reads them again. */
  forget() {
    this.cached = null;
  }
}
