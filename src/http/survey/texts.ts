import type { SurveyLocale } from '../../domain/responses/open-survey';

/** Everything the tenant reads that is not a question: Dutch first, English beside it. */
const nl = {
  lang: 'Nederlands',
  otherLang: 'English',
  title: 'Hoe tevreden bent u?',
  intro: 'Het invullen duurt ongeveer twee minuten. Uw antwoorden worden tussendoor bewaard.',
  about: {
    repair: 'Over uw reparatieverzoek',
    planned: 'Over het onderhoud aan uw woning',
    vacancy: 'Over de oplevering van uw woning',
  },
  completed: 'afgerond op',
  required: 'verplicht',
  anonymous: 'Uw antwoorden zijn anoniem, tenzij u bij de laatste vraag toestemming geeft.',
  submit: 'Versturen',
  save: 'Tussendoor opslaan',
  saved: 'Uw antwoorden zijn bewaard. U kunt later verdergaan via dezelfde link.',
  autosaved: 'Bewaard',
  revealed: 'Er is een vraag bijgekomen door uw antwoord. Vul die in als u wilt en verstuur dan.',
  errorTitle: 'Er is iets niet goed ingevuld',
  unsubscribeLink: 'Ik wil geen enquêtes meer ontvangen',
  yes: 'Ja',
  no: 'Nee',
  statement: ['Helemaal oneens', 'Oneens', 'Neutraal', 'Eens', 'Helemaal eens'],
  scaleEnds: {
    grade: ['1 = heel slecht', '10 = uitstekend'],
    phase_grade: ['1 = heel slecht', '10 = uitstekend'],
    nps: ['0 = zeer onwaarschijnlijk', '10 = zeer waarschijnlijk'],
    effort: ['1 = heel veel moeite', '7 = heel weinig moeite'],
  } as Record<string, [string, string]>,
  commentHint: 'Maximaal 5000 tekens.',
  thanksTitle: 'Bedankt voor uw reactie!',
  thanksText: 'Uw antwoorden zijn ontvangen. Hieronder ziet u wat u heeft ingevuld.',
  notAnswered: 'niet beantwoord',
  goneTitle: 'Deze link werkt niet (meer)',
  goneText:
    'De enquête is verlopen, of de link is niet compleet. Kopieer de hele link uit het bericht dat u kreeg. Heeft u een vraag? Neem dan contact met ons op.',
  unsubscribeTitle: 'Geen enquêtes meer ontvangen?',
  unsubscribeText:
    'Na afmelden sturen wij u geen enquêtes meer. Dit geldt meteen, ook voor uitnodigingen die nog openstaan.',
  unsubscribeButton: 'Ja, meld mij af',
  unsubscribedTitle: 'U bent afgemeld',
  unsubscribedText: 'U ontvangt geen enquêtes meer van ons. Bedankt voor uw reacties tot nu toe.',
  backToSurvey: 'Terug naar de enquête',
  previewBanner: 'Voorbeeld — antwoorden worden niet opgeslagen',
  tooManyTitle: 'Even geduld',
  tooManyText: 'Er kwamen te veel verzoeken tegelijk binnen. Probeer het over een minuut opnieuw.',
  tooLargeTitle: 'Te veel tekst',
  tooLargeText:
    'Uw antwoorden bevatten te veel tekst om te versturen. Maak uw toelichting korter en probeer het opnieuw.',
  badTitle: 'Dit verzoek kunnen we niet verwerken',
  badText: 'Ga terug naar de enquête en probeer het opnieuw.',
  errorText: 'Er ging bij ons iets mis. Probeer het later opnieuw.',
  signInTitle: 'Inloggen nodig',
  signInText: 'Log in bij achtplus om dit voorbeeld te bekijken.',
  forbiddenText: 'U mag deze vragenlijst niet bekijken.',
  problems: {
    required: 'Kies een antwoord.',
    range: (min: string, max: string) => `Kies een getal van ${min} tot en met ${max}.`,
    yesNo: 'Kies ja of nee.',
    option: 'Kies een van de mogelijkheden.',
    one: 'Kies één mogelijkheid.',
    text: 'Vul tekst in.',
    tooLong: 'De tekst is te lang (maximaal 5000 tekens).',
    character: 'De tekst bevat een teken dat niet is toegestaan.',
    unknown: 'Deze vraag bestaat niet in deze enquête.',
    hidden: 'Deze vraag hoort niet bij uw eerdere antwoord.',
    action: 'Kies Versturen of Tussendoor opslaan.',
  },
};
export type SurveyTexts = typeof nl;

const en: SurveyTexts = {
  lang: 'English',
  otherLang: 'Nederlands',
  title: 'How satisfied are you?',
  intro: 'This takes about two minutes. Your answers are saved as you go.',
  about: {
    repair: 'About your repair request',
    planned: 'About the maintenance of your home',
    vacancy: 'About the handover of your home',
  },
  completed: 'completed on',
  required: 'required',
  anonymous: 'Your answers are anonymous, unless you give permission in the last question.',
  submit: 'Send',
  save: 'Save for later',
  saved: 'Your answers have been saved. You can continue later with the same link.',
  autosaved: 'Saved',
  revealed: 'Your answer added a question. Answer it if you like, then send.',
  errorTitle: 'Something is not filled in correctly',
  unsubscribeLink: 'I do not want to receive surveys any more',
  yes: 'Yes',
  no: 'No',
  statement: ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'],
  scaleEnds: {
    grade: ['1 = very poor', '10 = excellent'],
    phase_grade: ['1 = very poor', '10 = excellent'],
    nps: ['0 = very unlikely', '10 = very likely'],
    effort: ['1 = a great deal of effort', '7 = very little effort'],
  },
  commentHint: 'At most 5000 characters.',
  thanksTitle: 'Thank you for your response!',
  thanksText: 'We have received your answers. This is what you filled in.',
  notAnswered: 'not answered',
  goneTitle: 'This link does not work (any more)',
  goneText:
    'The survey has expired, or the link is incomplete. Copy the whole link from the message you received. Any questions? Please contact us.',
  unsubscribeTitle: 'No more surveys?',
  unsubscribeText: 'After you unsubscribe we will not send you surveys any more. This takes effect at once.',
  unsubscribeButton: 'Yes, unsubscribe me',
  unsubscribedTitle: 'You have been unsubscribed',
  unsubscribedText: 'You will not receive surveys from us any more. Thank you for your responses so far.',
  backToSurvey: 'Back to the survey',
  previewBanner: 'Preview — answers are not saved',
  tooManyTitle: 'Please wait',
  tooManyText: 'Too many requests arrived at once. Please try again in a minute.',
  tooLargeTitle: 'Too much text',
  tooLargeText: 'Your answers contain too much text to send. Please shorten your comments and try again.',
  badTitle: 'We cannot process this request',
  badText: 'Go back to the survey and try again.',
  errorText: 'Something went wrong on our side. Please try again later.',
  signInTitle: 'Please sign in',
  signInText: 'Sign in to achtplus to see this preview.',
  forbiddenText: 'You may not view this questionnaire.',
  problems: {
    required: 'Choose an answer.',
    range: (min: string, max: string) => `Choose a number from ${min} to ${max}.`,
    yesNo: 'Choose yes or no.',
    option: 'Choose one of the options.',
    one: 'Choose only one option.',
    text: 'Please enter text.',
    tooLong: 'The text is too long (at most 5000 characters).',
    character: 'The text contains a character that is not allowed.',
    unknown: 'This question is not part of this survey.',
    hidden: 'This question does not apply given your earlier answer.',
    action: 'Choose Send or Save for later.',
  },
};

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
