import { type Dictionary, useDictionary } from '../../lib/dictionary';

/**
 * The words of signing in (password, sign-in link, a refused sign-in, the demo logins) and of
 * choosing a new password. All plain strings: the login page keeps which one it shows by its key.
 */
const nl = {
  title: 'Inloggen',
  email: 'E-mailadres',
  password: 'Wachtwoord',
  submit: 'Inloggen',
  magic: 'Stuur mij een inloglink',
  magicSent: 'Als dit adres bij ons bekend is, staat er een inloglink in je mailbox (15 minuten geldig).',
  forgot: 'Wachtwoord vergeten?',
  forgotSent: 'Als dit adres bij ons bekend is, ontvang je een e-mail om een nieuw wachtwoord in te stellen.',
  wrong: 'E-mailadres of wachtwoord klopt niet.',
  tooMany: 'Te veel pogingen. Wacht een minuut en probeer het opnieuw.',
  tooManyPasswords:
    'Te veel pogingen. Probeer het over een kwartier opnieuw, of vraag hieronder een inloglink aan.',
  emailFirst: 'Vul eerst je e-mailadres in.',
  failed: 'Inloggen lukte niet. Probeer het later opnieuw.',
  demo: 'Demo-omgeving: log in met een van deze accounts',
  demoPassword: 'Wachtwoord',
  originRefused:
    'Inloggen vanaf dit adres wordt geweigerd: de server is ingesteld op een ander adres (PUBLIC_URL). Open de server op het adres hieronder, of laat de beheerder PUBLIC_URL aanpassen.',
  demoRefused: 'De demo-accounts werken hier niet.',
  demoElsewhere:
    'Dit is de demo-omgeving, maar de demo-accounts werken alleen op de computer waarop de server draait (met PUBLIC_URL op localhost).',
  back: 'Terug naar inloggen',
  // choosing a new password (the link in the reset e-mail)
  resetTitle: 'Nieuw wachtwoord instellen',
  newPassword: 'Nieuw wachtwoord',
  repeatPassword: 'Herhaal het wachtwoord',
  savePassword: 'Wachtwoord opslaan',
  mismatch: 'De wachtwoorden zijn niet gelijk.',
  tooShort: 'Kies minstens 10 tekens.',
  resetDone: 'Je wachtwoord is gewijzigd. Je kunt nu inloggen.',
  invalidLink: 'Deze link is ongeldig of verlopen. Vraag een nieuwe aan.',
};

export type Texts = typeof nl;

const en: Texts = {
  title: 'Sign in',
  email: 'E-mail address',
  password: 'Password',
  submit: 'Sign in',
  magic: 'Send me a sign-in link',
  magicSent: 'If we know this address, a sign-in link is in your mailbox (valid for 15 minutes).',
  forgot: 'Forgot your password?',
  forgotSent: 'If we know this address, you will receive an e-mail to set a new password.',
  wrong: 'E-mail address or password is incorrect.',
  tooMany: 'Too many attempts. Wait a minute and try again.',
  tooManyPasswords: 'Too many attempts. Try again in a quarter of an hour, or ask for a sign-in link below.',
  emailFirst: 'Enter your e-mail address first.',
  failed: 'Signing in did not work. Please try again later.',
  demo: 'Demo install: sign in with one of these accounts',
  demoPassword: 'Password',
  originRefused:
    'Signing in from this address is refused: the server is configured for another address (PUBLIC_URL). Open the server at the address below, or ask the administrator to change PUBLIC_URL.',
  demoRefused: 'The demo accounts do not work here.',
  demoElsewhere:
    'This is the demo install, but its accounts work only on the computer the server runs on (with PUBLIC_URL on localhost).',
  back: 'Back to sign in',
  resetTitle: 'Set a new password',
  newPassword: 'New password',
  repeatPassword: 'Repeat the password',
  savePassword: 'Save password',
  mismatch: 'The passwords do not match.',
  tooShort: 'Use at least 10 characters.',
  resetDone: 'Your password has been changed. You can sign in now.',
  invalidLink: 'This link is invalid or has expired. Request a new one.',
};

export const texts: Dictionary<Texts> = { nl, en };

/** A text of these pages by its name, as the login page remembers which one it shows. */
export type SignInText = keyof Texts;

/** The texts in the language the person chose. */
export const useTexts = (): Texts => useDictionary(texts);
