import type { SurveyLocale } from '../../domain/responses/open-survey';

/** One text in both languages: leaving a language out is a type error. */
type Both<T = string> = { nl: T; en: T };
type RangeText = (min: string, max: string) => string;
type Table = {
  [key: string]: Both | Both<RangeText> | Both[] | Record<string, [Both, Both]> | Table;
};

/** The ends of each scale, under a question without help of its own (indexed by question type). */
const gradeEnds: [Both, Both] = [
  { nl: '1 = heel slecht', en: '1 = very poor' },
  { nl: '10 = uitstekend', en: '10 = excellent' },
];
const scaleEnds: Record<string, [Both, Both]> = {
  grade: gradeEnds,
  phase_grade: gradeEnds,
  nps: [
    { nl: '0 = zeer onwaarschijnlijk', en: '0 = very unlikely' },
    { nl: '10 = zeer waarschijnlijk', en: '10 = very likely' },
  ],
  effort: [
    { nl: '1 = heel veel moeite', en: '1 = a great deal of effort' },
    { nl: '7 = heel weinig moeite', en: '7 = very little effort' },
  ],
};

/** Everything the tenant reads that is not a question: each text with its Dutch and English side by side. */
const table = {
  lang: { nl: 'Nederlands', en: 'English' },
  otherLang: { nl: 'English', en: 'Nederlands' },
  title: { nl: 'Hoe tevreden bent u?', en: 'How satisfied are you?' },
  intro: {
    nl: 'Het invullen duurt ongeveer twee minuten. Uw antwoorden worden tussendoor bewaard.',
    en: 'This takes about two minutes. Your answers are saved as you go.',
  },
  about: {
    repair: { nl: 'Over uw reparatieverzoek', en: 'About your repair request' },
    planned: { nl: 'Over het onderhoud aan uw woning', en: 'About the maintenance of your home' },
    vacancy: { nl: 'Over de oplevering van uw woning', en: 'About the handover of your home' },
  },
  completed: { nl: 'afgerond op', en: 'completed on' },
  required: { nl: 'verplicht', en: 'required' },
  anonymous: {
    nl: 'Uw antwoorden zijn anoniem, tenzij u bij de laatste vraag toestemming geeft.',
    en: 'Your answers are anonymous, unless you give permission in the last question.',
  },
  submit: { nl: 'Versturen', en: 'Send' },
  save: { nl: 'Tussendoor opslaan', en: 'Save for later' },
  saved: {
    nl: 'Uw antwoorden zijn bewaard. U kunt later verdergaan via dezelfde link.',
    en: 'Your answers have been saved. You can continue later with the same link.',
  },
  autosaved: { nl: 'Bewaard', en: 'Saved' },
  revealed: {
    nl: 'Er is een vraag bijgekomen door uw antwoord. Vul die in als u wilt en verstuur dan.',
    en: 'Your answer added a question. Answer it if you like, then send.',
  },
  errorTitle: { nl: 'Er is iets niet goed ingevuld', en: 'Something is not filled in correctly' },
  unsubscribeLink: {
    nl: 'Ik wil geen enquêtes meer ontvangen',
    en: 'I do not want to receive surveys any more',
  },
  yes: { nl: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', en: 'No' },
  statement: [
    { nl: 'Helemaal oneens', en: 'Strongly disagree' },
    { nl: 'Oneens', en: 'Disagree' },
    { nl: 'Neutraal', en: 'Neutral' },
    { nl: 'Eens', en: 'Agree' },
    { nl: 'Helemaal eens', en: 'Strongly agree' },
  ],
  scaleEnds,
  commentHint: { nl: 'Maximaal 5000 tekens.', en: 'At most 5000 characters.' },
  thanksTitle: { nl: 'Bedankt voor uw reactie!', en: 'Thank you for your response!' },
  thanksText: {
    nl: 'Uw antwoorden zijn ontvangen. Hieronder ziet u wat u heeft ingevuld.',
    en: 'We have received your answers. This is what you filled in.',
  },
  notAnswered: { nl: 'niet beantwoord', en: 'not answered' },
  goneTitle: { nl: 'Deze link werkt niet (meer)', en: 'This link does not work (any more)' },
  goneText: {
    nl: 'De enquête is verlopen, of de link is niet compleet. Kopieer de hele link uit het bericht dat u kreeg. Heeft u een vraag? Neem dan contact met ons op.',
    en: 'The survey has expired, or the link is incomplete. Copy the whole link from the message you received. Any questions? Please contact us.',
  },
  unsubscribeTitle: { nl: 'Geen enquêtes meer ontvangen?', en: 'No more surveys?' },
  unsubscribeText: {
    nl: 'Na afmelden sturen wij u geen enquêtes meer. Dit geldt meteen, ook voor uitnodigingen die nog openstaan.',
    en: 'After you unsubscribe we will not send you surveys any more. This takes effect at once.',
  },
  unsubscribeButton: { nl: 'Ja, meld mij af', en: 'Yes, unsubscribe me' },
  unsubscribedTitle: { nl: 'U bent afgemeld', en: 'You have been unsubscribed' },
  unsubscribedText: {
    nl: 'U ontvangt geen enquêtes meer van ons. Bedankt voor uw reacties tot nu toe.',
    en: 'You will not receive surveys from us any more. Thank you for your responses so far.',
  },
  backToSurvey: { nl: 'Terug naar de enquête', en: 'Back to the survey' },
  previewBanner: {
    nl: 'Voorbeeld — antwoorden worden niet opgeslagen',
    en: 'Preview — answers are not saved',
  },
  tooManyTitle: { nl: 'Even geduld', en: 'Please wait' },
  tooManyText: {
    nl: 'Er kwamen te veel verzoeken tegelijk binnen. Probeer het over een minuut opnieuw.',
    en: 'Too many requests arrived at once. Please try again in a minute.',
  },
  tooLargeTitle: { nl: 'Te veel tekst', en: 'Too much text' },
  tooLargeText: {
    nl: 'Uw antwoorden bevatten te veel tekst om te versturen. Maak uw toelichting korter en probeer het opnieuw.',
    en: 'Your answers contain too much text to send. Please shorten your comments and try again.',
  },
  badTitle: { nl: 'Dit verzoek kunnen we niet verwerken', en: 'We cannot process this request' },
  badText: {
    nl: 'Ga terug naar de enquête en probeer het opnieuw.',
    en: 'Go back to the survey and try again.',
  },
  errorText: {
    nl: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
    en: 'Something went wrong on our side. Please try again later.',
  },
  signInTitle: { nl: 'Inloggen nodig', en: 'Please sign in' },
  signInText: {
    nl: 'Log in bij achtplus om dit voorbeeld te bekijken.',
    en: 'Sign in to achtplus to see this preview.',
  },
  forbiddenText: { nl: 'U mag deze vragenlijst niet bekijken.', en: 'You may not view this questionnaire.' },
  problems: {
    required: { nl: 'Kies een antwoord.', en: 'Choose an answer.' },
    range: {
      nl: (min, max) => `Kies een getal van ${min} tot en met ${max}.`,
      en: (min, max) => `Choose a number from ${min} to ${max}.`,
    } satisfies Both<RangeText>,
    yesNo: { nl: 'Kies ja of nee.', en: 'Choose yes or no.' },
    option: { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
    one: { nl: 'Kies één mogelijkheid.', en: 'Choose only one option.' },
    text: { nl: 'Vul tekst in.', en: 'Please enter text.' },
    tooLong: {
      nl: 'De tekst is te lang (maximaal 5000 tekens).',
      en: 'The text is too long (at most 5000 characters).',
    },
    character: {
      nl: 'De tekst bevat een teken dat niet is toegestaan.',
      en: 'The text contains a character that is not allowed.',
    },
    unknown: {
      nl: 'Deze vraag bestaat niet in deze enquête.',
      en: 'This question is not part of this survey.',
    },
    hidden: {
      nl: 'Deze vraag hoort niet bij uw eerdere antwoord.',
      en: 'This question does not apply given your earlier answer.',
    },
    action: { nl: 'Kies Versturen of Tussendoor opslaan.', en: 'Choose Send or Save for later.' },
  },
} satisfies Table;

/** The table in one language: each `{ nl, en }` becomes the text itself. */
type InLanguage<T> = T extends Both<infer V> ? V : { [K in keyof T]: InLanguage<T[K]> };
export type SurveyTexts = InLanguage<typeof table>;

function inLanguage(value: unknown, locale: SurveyLocale): unknown {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, locale));
  if (typeof value !== 'object' || value === null) return value;
  if ('nl' in value && 'en' in value) return (value as Both<unknown>)[locale];
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, inLanguage(v, locale)]));
}

const nl = inLanguage(table, 'nl') as SurveyTexts;
const en = inLanguage(table, 'en') as SurveyTexts;

export const textsFor = (locale: SurveyLocale): SurveyTexts => (locale === 'en' ? en : nl);

export const localeOf = (value: unknown): SurveyLocale | undefined =>
  value === 'en' || value === 'nl' ? value : undefined;

/** checkAnswers speaks English to developers; the tenant reads it in their language. */
export function problemText(t: SurveyTexts, message: string): string {
  const range = /from (\d+) to (\d+)/.exec(message);
  if (range) return t.problems.range(range[1]!, range[2]!);
  if (message === 'an answer is required') return t.problems.required;
  if (message === 'must be yes or no') return t.problems.yesNo;
  if (message === 'must be one of the options' || message === 'an option was chosen twice')
    return t.problems.option;
  if (message === 'only one option may be chosen') return t.problems.one;
  if (message === 'must be text') return t.problems.text;
  if (message.startsWith('must be at most')) return t.problems.tooLong;
  if (message === 'contains a character that is not allowed') return t.problems.character;
  if (message === 'unknown question') return t.problems.unknown;
  if (message.startsWith('not asked')) return t.problems.hidden;
  if (message === 'action') return t.problems.action;
  return message;
}
