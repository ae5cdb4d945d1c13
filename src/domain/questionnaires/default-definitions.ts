import type { Journey } from '../../db/schema';
import type { TQuestion, TQuestionnaireDefinition } from './questionnaire-definition';

/**
 * The questionnaires that ship with the product, modelled on the sector's usual questions:
 * rapportcijfer first, NPS, per-phase grades, the five statements the technician influences,
 * first-time fix, and the closing consent question. Short: mostly one tap per question.
 */

const t = (nl: string, en: string) => ({ nl, en });

const whatWentWrong: TQuestion = {
  key: 'what_went_wrong',
  type: 'comment',
  text: t('Wat ging er mis?', 'What went wrong?'),
  help: t('Vertel ons wat we beter kunnen doen.', 'Tell us what we could do better.'),
  required: false,
  condition: { questionKey: 'grade', operator: 'lte', value: 5 },
};

const nps: TQuestion = {
  key: 'nps',
  type: 'nps',
  text: t(
    'Hoe waarschijnlijk is het dat u ons aanbeveelt bij familie, vrienden of kennissen?',
    'How likely are you to recommend us to family, friends or acquaintances?',
  ),
  help: t('0 = zeer onwaarschijnlijk, 10 = zeer waarschijnlijk', '0 = very unlikely, 10 = very likely'),
  required: false,
};

/** The five statements about the person who did the work (on time, polite, expert, tidy, explained). */
function statements(who: { nl: string; en: string }): TQuestion[] {
  const s = (key: string, nl: string, en: string): TQuestion => ({
    key,
    type: 'statement',
    text: t(`${who.nl} ${nl}`, `${who.en} ${en}`),
    required: false,
    technicianInfluenceable: true,
  });
  return [
    s('on_time', 'was op tijd.', 'was on time.'),
    s('polite', 'was beleefd en vriendelijk.', 'was polite and friendly.'),
    s('expert', 'was deskundig.', 'knew what they were doing.'),
    s('tidy', 'liet alles netjes achter.', 'left everything clean and tidy.'),
    s('explained', 'legde uit wat er is gedaan.', 'explained what was done.'),
  ];
}

const generalComment: TQuestion = {
  key: 'comment',
  type: 'comment',
  text: t('Wilt u ons nog iets vertellen?', 'Is there anything else you would like to tell us?'),
  required: false,
};

const consent: TQuestion = {
  key: 'consent',
  type: 'consent',
  text: t(
    'Mogen we uw antwoorden aan uw naam koppelen, zodat we contact met u kunnen opnemen?',
    'May we link your answers to your name, so that we can contact you about them?',
  ),
  help: t(
    'Zonder uw toestemming blijven uw antwoorden anoniem.',
    'Without your permission your answers stay anonymous.',
  ),
  required: false,
};

const phase = (
  key: string,
  p: 'reporting' | 'appointment' | 'visit' | 'handling',
  nl: string,
  en: string,
): TQuestion => ({
  key,
  type: 'phase_grade',
  phase: p,
  text: t(nl, en),
  required: false,
});

const repair: TQuestionnaireDefinition = {
  questions: [
    {
      key: 'grade',
      type: 'grade',
      text: t(
        'Welk rapportcijfer geeft u voor de reparatie als geheel?',
        'What grade (1 to 10) would you give the repair as a whole?',
      ),
      required: true,
    },
    whatWentWrong,
    nps,
    phase(
      'phase_reporting',
      'reporting',
      'Cijfer voor het melden van de reparatie (klantcontactcentrum)',
      'Grade for reporting the repair (customer contact centre)',
    ),
    phase(
      'phase_appointment',
      'appointment',
      'Cijfer voor het maken van de afspraak',
      'Grade for making the appointment',
    ),
    phase(
      'phase_visit',
      'visit',
      'Cijfer voor het bezoek van de vakman of comaker',
      'Grade for the visit of the technician or contractor',
    ),
    phase(
      'phase_handling',
      'handling',
      'Cijfer voor de administratieve en financiële afhandeling',
      'Grade for the administrative and financial handling',
    ),
    ...statements(t('De vakman', 'The technician')),
    {
      key: 'first_time_fix',
      type: 'first_time_fix',
      text: t('Is het probleem in één keer verholpen?', 'Was the problem solved in one visit?'),
      required: false,
    },
    generalComment,
    consent,
  ],
};

const planned: TQuestionnaireDefinition = {
  questions: [
    {
      key: 'grade',
      type: 'grade',
      text: t(
        'Welk rapportcijfer geeft u voor de onderhoudswerkzaamheden aan uw woning?',
        'What grade (1 to 10) would you give the maintenance work on your home?',
      ),
      required: true,
    },
    whatWentWrong,
    nps,
    phase(
      'phase_appointment',
      'appointment',
      'Cijfer voor de informatie vooraf en het maken van afspraken',
      'Grade for the information beforehand and making appointments',
    ),
    phase(
      'phase_visit',
      'visit',
      'Cijfer voor de uitvoering van de werkzaamheden',
      'Grade for how the work was carried out',
    ),
    ...statements(t('De vakman', 'The technician')),
    generalComment,
    consent,
  ],
};

const vacancy: TQuestionnaireDefinition = {
  questions: [
    {
      key: 'grade',
      type: 'grade',
      text: t(
        'Welk rapportcijfer geeft u voor de staat van uw woning bij de oplevering?',
        'What grade (1 to 10) would you give the state of your home when you received it?',
      ),
      required: true,
    },
    whatWentWrong,
    nps,
    {
      key: 'improvements',
      type: 'choice',
      multiple: true,
      text: t(
        'Wat had beter gekund? (meerdere antwoorden mogelijk)',
        'What could have been better? (choose any)',
      ),
      required: false,
      options: [
        { value: 'cleaning', label: t('Schoonmaak', 'Cleaning') },
        { value: 'paintwork', label: t('Schilderwerk', 'Paintwork') },
        { value: 'kitchen_bathroom', label: t('Keuken of badkamer', 'Kitchen or bathroom') },
        { value: 'keys_handover', label: t('Sleuteloverdracht en oplevering', 'Handing over the keys') },
        { value: 'nothing', label: t('Niets, alles was in orde', 'Nothing, everything was fine') },
      ],
    },
    {
      key: 'tidy',
      type: 'statement',
      text: t('De woning was schoon en netjes opgeleverd.', 'The home was handed over clean and tidy.'),
      required: false,
      technicianInfluenceable: true,
    },
    generalComment,
    consent,
  ],
};

export const defaultQuestionnaires: Record<Journey, { name: string; definition: TQuestionnaireDefinition }> =
  {
    repair: { name: 'Reparatieonderhoud', definition: repair },
    planned: { name: 'Planmatig onderhoud', definition: planned },
    vacancy: { name: 'Mutatieonderhoud', definition: vacancy },
  };
