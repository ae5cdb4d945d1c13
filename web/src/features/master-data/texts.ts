import { type Dictionary, useDictionary } from '../../lib/dictionary';

/**
 * The words of the corporation's master data as staff look it up: regional teams, employees,
 * contractors, units, and a unit's tenant for an admin handling an AVG request. The list titles are
 * the menu's words (lib/i18n-*).
 */
const nl = {
  myTeams: 'Mijn teams',
  allTeams: 'Alle regioteams',
  teamsShown: 'Welke regioteams',
  membersTitle: 'Leden van het team',
  recentJobs: 'Recente klussen',
  code: 'Code',
  region: 'Regio',
  leader: 'Teamleider',
  members: 'Leden',
  teams: 'Teams',
  active: 'Actief',
  phone: 'Telefoon',
  category: 'Categorie',
  pilotTeam: 'Pilotteam',
  contacts: 'Contactpersonen',
  city: 'Plaats',
  complex: 'Complex',
  ownersAssociation: 'VvE',
  categories: {
    main: 'Hoofdcomaker',
    specialist: 'Specialist',
    other: 'Overig',
  },
  tenant: {
    title: 'Huurder',
    show: 'Toon huurder van deze woning',
    none: 'Geen huurder bekend voor deze woning.',
    export: 'Gegevens exporteren (AVG)',
    erase: 'Gegevens wissen (AVG)',
    eraseTitle: 'Gegevens van deze huurder wissen?',
    eraseText:
      'Naam, e-mailadres en mobiel nummer worden gewist, de huurder krijgt geen enquêtes meer en eerdere reacties worden losgekoppeld. De cijfers blijven bestaan. Dit kan niet ongedaan worden gemaakt.',
    confirmLabel: 'Typ het huurdernummer ter bevestiging',
    eraseConfirm: 'Definitief wissen',
    erased: 'De gegevens van de huurder zijn gewist.',
    eraseFailed: 'Wissen lukte niet',
    surveysOn: 'Ontvangt enquêtes',
    surveysOffByErp: 'Wil geen enquêtes (volgens het ERP)',
    optIn: 'Weer enquêtes sturen',
    optInTitle: 'Weer enquêtes sturen naar deze huurder?',
    optInText:
      'De huurder heeft zich zelf afgemeld voor enquêtes. Zet dit alleen terug als de huurder er zelf om vraagt. Daarna geldt voor deze huurder weer wat het ERP doorgeeft, zoals voor iedere huurder.',
    optInReason: 'Reden',
    optInReasonHint:
      'Hoe en wanneer de huurder erom vroeg, bijvoorbeeld: telefonisch verzoek huurder 28-11. Komt in het auditlog; schrijf er geen persoonsgegevens in.',
    optedIn: 'De huurder ontvangt weer enquêtes.',
    optInFailed: 'Terugzetten lukte niet',
    optInConflict:
      'Er is niets terug te zetten: deze huurder heeft zich niet (meer) zelf afgemeld. Sluit dit venster om de huurder te zien zoals die nu is.',
  },
  cancel: 'Annuleren',
};

export type Texts = typeof nl;

const en: Texts = {
  myTeams: 'My teams',
  allTeams: 'All regional teams',
  teamsShown: 'Which regional teams',
  membersTitle: 'Team members',
  recentJobs: 'Recent jobs',
  code: 'Code',
  region: 'Region',
  leader: 'Team leader',
  members: 'Members',
  teams: 'Teams',
  active: 'Active',
  phone: 'Phone',
  category: 'Category',
  pilotTeam: 'Pilot team',
  contacts: 'Contact persons',
  city: 'City',
  complex: 'Complex',
  ownersAssociation: "Owners' association",
  categories: {
    main: 'Main contractor',
    specialist: 'Specialist',
    other: 'Other',
  },
  tenant: {
    title: 'Tenant',
    show: 'Show the tenant of this home',
    none: 'No tenant known for this home.',
    export: 'Export data (GDPR)',
    erase: 'Erase data (GDPR)',
    eraseTitle: 'Erase this tenant’s data?',
    eraseText:
      'Name, e-mail address and mobile number are erased, the tenant receives no more surveys and earlier responses are unlinked. The figures remain. This cannot be undone.',
    confirmLabel: 'Type the tenant number to confirm',
    eraseConfirm: 'Erase permanently',
    erased: 'The tenant’s data has been erased.',
    eraseFailed: 'Erasing failed',
    surveysOn: 'Receives surveys',
    surveysOffByErp: 'No surveys (according to the ERP)',
    optIn: 'Send surveys again',
    optInTitle: 'Send this tenant surveys again?',
    optInText:
      'The tenant opted out of surveys themselves. Only undo this when the tenant asks for it. From then on, what the ERP sends applies to this tenant again, as to any tenant.',
    optInReason: 'Reason',
    optInReasonHint:
      'How and when the tenant asked, for example: tenant asked by phone on 28-11. Kept in the audit log; write no personal data in it.',
    optedIn: 'The tenant receives surveys again.',
    optInFailed: 'Could not opt the tenant back in',
    optInConflict:
      'There is nothing to undo: this tenant has not opted out themselves (any more). Close this dialog to see the tenant as they now are.',
  },
  cancel: 'Cancel',
};

export const texts: Dictionary<Texts> = { nl, en };

/** The texts in the language the person chose. */
export const useTexts = (): Texts => useDictionary(texts);
