import { type Dictionary, useDictionary } from '../../lib/dictionary';

/**
 * The words of the responses list, a response, and a job's survey panel (its invitation, messages
 * and sending it again); the words several features share (field names, channels) stay in
 * lib/i18n-*.
 */
const nl = {
  intro: 'Wat huurders antwoordden op de enquête na hun klus. Zonder hun toestemming blijven zij anoniem.',
  period: 'Ingevuld in periode',
  grade: 'Rapportcijfer',
  nps: 'Aanbeveling (NPS 0–10)',
  submittedAt: 'Ingevuld',
  band: {
    high: '8 of hoger',
    mid: '6 of 7',
    low: '5 of lager',
  },
  npsGroup: {
    promoter: 'promotor',
    passive: 'passief',
    detractor: 'criticaster',
  },
  consentYes: 'De huurder gaf toestemming om de antwoorden aan de eigen naam te koppelen',
  consentNo: 'Anoniem: de huurder gaf geen toestemming om de antwoorden aan de eigen naam te koppelen.',
  phases: 'Cijfers per fase',
  statements: 'Stellingen',
  influenceable: 'invloed vakman',
  otherAnswers: 'Overige antwoorden',
  comments: 'Opmerkingen',
  noComments: 'Geen opmerkingen.',
  withComment: 'Met opmerking',
  withoutComment: 'Zonder opmerking',
  removeFilter: 'Filter weghalen:',
  question: 'Vraag',
  answer: 'Antwoord',
  agreement: {
    1: 'Helemaal oneens',
    2: 'Oneens',
    3: 'Neutraal',
    4: 'Eens',
    5: 'Helemaal eens',
  },
  survey: 'Enquête',
  invitation: 'Uitnodiging',
  response: 'Reactie',
  noInvitation: 'Voor deze klus is (nog) geen uitnodiging gepland.',
  noResponse: 'Nog geen reactie.',
  step: {
    scheduled: 'Gepland',
    suppressed: 'Onderdrukt',
    sent: 'Verzonden',
    reminded: 'Herinnering verzonden',
    opened: 'Geopend',
    answered: 'Beantwoord',
    expired: 'Verlopen',
    expires: 'Link verloopt',
    waiting: 'Wacht op verzending',
  },
  suppression: {
    opted_out: 'De huurder wil geen enquêtes meer ontvangen.',
    quarantine: 'De huurder kreeg kort geleden al een enquête (rustperiode).',
    no_contact: 'Geen bruikbaar e-mailadres of mobiel nummer bekend.',
    cancelled: 'De klus is geannuleerd.',
    open_invitation: 'Er staat al een andere uitnodiging open voor deze huurder.',
    journey_disabled: 'Enquêtes voor deze klantreis staan uit.',
  },
  messages: 'Berichten',
  notSentExplain:
    'Niet verzonden: er is geen mail- of sms-dienst ingesteld, dus dit bericht heeft de huurder niet bereikt.',
  channel: 'Kanaal',
  sentAt: 'Verzonden',
  lastError: 'Laatste foutmelding',
  messageKind: {
    survey_invitation: 'Uitnodiging',
    survey_reminder: 'Herinnering',
  },
  // an invitation that reached nobody, and sending it again
  undeliverable: 'Niet afgeleverd',
  undeliverableExplain:
    'Alle berichten van deze uitnodiging zijn mislukt: de huurder heeft niets ontvangen. De uitnodiging houdt geen andere enquête van deze huurder tegen.',
  resent: 'Opnieuw aangeboden door beheerder',
  resend: 'Opnieuw verzenden',
  resendExplain:
    'Verbeter zo nodig eerst het e-mailadres of mobiele nummer van de huurder. De uitnodiging gaat dan opnieuw uit (tussen 21:00 en 08:00 pas om 08:00), met een nieuwe link.',
  resendDone: 'De uitnodiging wordt opnieuw verzonden.',
  resendFailed: 'Opnieuw verzenden lukte niet',
};

export type Texts = typeof nl;

const en: Texts = {
  intro: 'What tenants answered in the survey after their job. Without their consent they stay anonymous.',
  period: 'Submitted in period',
  grade: 'Grade',
  nps: 'Recommendation (NPS 0–10)',
  submittedAt: 'Submitted',
  band: {
    high: '8 or higher',
    mid: '6 or 7',
    low: '5 or lower',
  },
  npsGroup: {
    promoter: 'promoter',
    passive: 'passive',
    detractor: 'detractor',
  },
  consentYes: 'The tenant agreed to link the answers to their name',
  consentNo: 'Anonymous: the tenant did not agree to link the answers to their name.',
  phases: 'Grades per phase',
  statements: 'Statements',
  influenceable: 'technician can influence',
  otherAnswers: 'Other answers',
  comments: 'Comments',
  noComments: 'No comments.',
  withComment: 'With a comment',
  withoutComment: 'Without a comment',
  removeFilter: 'Remove filter:',
  question: 'Question',
  answer: 'Answer',
  agreement: {
    1: 'Strongly disagree',
    2: 'Disagree',
    3: 'Neutral',
    4: 'Agree',
    5: 'Strongly agree',
  },
  survey: 'Survey',
  invitation: 'Invitation',
  response: 'Response',
  noInvitation: 'No invitation has been scheduled for this job (yet).',
  noResponse: 'No response yet.',
  step: {
    scheduled: 'Scheduled',
    suppressed: 'Suppressed',
    sent: 'Sent',
    reminded: 'Reminder sent',
    opened: 'Opened',
    answered: 'Answered',
    expired: 'Expired',
    expires: 'Link expires',
    waiting: 'Waiting to be sent',
  },
  suppression: {
    opted_out: 'The tenant no longer wants to receive surveys.',
    quarantine: 'The tenant was surveyed recently (quiet period).',
    no_contact: 'No usable e-mail address or mobile number known.',
    cancelled: 'The job was cancelled.',
    open_invitation: 'Another invitation for this tenant is still open.',
    journey_disabled: 'Surveys for this journey are switched off.',
  },
  messages: 'Messages',
  notSentExplain: 'Not sent: no mail or SMS service is configured, so this message did not reach the tenant.',
  channel: 'Channel',
  sentAt: 'Sent',
  lastError: 'Last error',
  messageKind: {
    survey_invitation: 'Invitation',
    survey_reminder: 'Reminder',
  },
  undeliverable: 'Not delivered',
  undeliverableExplain:
    'Every message of this invitation failed: the tenant received nothing. The invitation does not hold back any other survey of this tenant.',
  resent: 'Offered again by an administrator',
  resend: 'Send again',
  resendExplain:
    "Correct the tenant's e-mail address or mobile number first if needed. The invitation then goes out again (between 21:00 and 08:00 only at 08:00), with a new link.",
  resendDone: 'The invitation is being sent again.',
  resendFailed: 'Sending again did not work',
};

export const texts: Dictionary<Texts> = { nl, en };

/** The texts in the language the person chose. */
export const useTexts = (): Texts => useDictionary(texts);
