import type { Perspective } from '@contracts';
import { type Dictionary, useDictionary } from '../../lib/dictionary';

/**
 * The words of the job list, a job's page and the columns every job list shares (a unit's recent
 * jobs too). The job list's title is the menu's word for it (lib/me.ts `jobsLabel`).
 */
const nl = {
  /** under the title of the job list, where the title alone does not say whose jobs they are */
  intro: {
    technician: 'De klussen die aan jou zijn toegewezen.',
    contractor: 'De klussen die aan jullie bedrijf zijn toegewezen.',
    teamLeader: 'De klussen van de regioteams die je leidt.',
  } as Partial<Record<Perspective, string>>,
  completedPeriod: 'Gereed in periode',
  attribution: 'Toegewezen aan',
  timeline: 'Tijdlijn',
  showContact: 'Toon contactgegevens',
  noTenant: 'Geen huurder bekend.',
  anonymous:
    'Anoniem: de huurder vulde de enquête in zonder toestemming om de antwoorden aan de eigen naam te koppelen. Naam en contactgegevens staan daarom niet bij deze klus.',
  status: {
    reported: 'Gemeld',
    planned: 'Gepland',
    completed: 'Gereed',
    cancelled: 'Geannuleerd',
  },
  unit: 'Verhuureenheid',
  reportedAt: 'Gemeld',
  appointmentAt: 'Afspraak',
  completedAt: 'Gereed',
  cancelledAt: 'Geannuleerd',
  channel: 'Meldkanaal',
  tenant: 'Huurder',
  mobile: 'Mobiel',
  preferredChannel: 'Voorkeurskanaal',
};

export type Texts = typeof nl;

const en: Texts = {
  intro: {
    technician: 'The jobs assigned to you.',
    contractor: 'The jobs assigned to your company.',
    teamLeader: 'The jobs of the regional teams you lead.',
  },
  completedPeriod: 'Completed in period',
  attribution: 'Assigned to',
  timeline: 'Timeline',
  showContact: 'Show contact details',
  noTenant: 'No tenant known.',
  anonymous:
    'Anonymous: the tenant answered the survey without agreeing to link the answers to their name, so name and contact details are not shown with this job.',
  status: {
    reported: 'Reported',
    planned: 'Planned',
    completed: 'Completed',
    cancelled: 'Cancelled',
  },
  unit: 'Unit',
  reportedAt: 'Reported',
  appointmentAt: 'Appointment',
  completedAt: 'Completed',
  cancelledAt: 'Cancelled',
  channel: 'Reporting channel',
  tenant: 'Tenant',
  mobile: 'Mobile',
  preferredChannel: 'Preferred channel',
};

export const texts: Dictionary<Texts> = { nl, en };

/** The texts in the language the person chose. */
export const useTexts = (): Texts => useDictionary(texts);
