import type { Random } from './random';

/**
 * Dutch open comments for demo responses, built from what tenants told the corporation in
 * BRIEF.md (strengths and points to improve): a theme, a phrasing of it, a detail and sometimes a
 * closing remark, so a few hundred combinations read like different people. Never a real name:
 * people are "de vakman", "de monteur", "de aannemer".
 */
export interface CommentContext {
  journey: 'repair' | 'planned' | 'vacancy';
  trade: string;
  byContractor: boolean;
}

type Phrase = (c: CommentContext, r: Random) => string;

const who = (c: CommentContext, r: Random) =>
  c.byContractor
    ? r.pick(['monteur van de aannemer', 'aannemer', 'man van de aannemer', 'vakman'])
    : r.pick(['vakman', 'monteur', 'vakman van de corporatie']);

const thing: Record<string, string[]> = {
  loodgieter: ['de kraan', 'de afvoer', 'het toilet'],
  'cv/verwarming': ['de verwarming', 'de cv-ketel', 'de radiator'],
  elektra: ['de stroom', 'het stopcontact', 'de groepenkast'],
  timmerwerk: ['de deur', 'het kozijn', 'de keukenkast'],
  'hang- en sluitwerk': ['het slot', 'de voordeur', 'de deurklink'],
  riolering: ['de afvoer', 'het riool'],
  dak: ['het dak', 'de dakgoot'],
  glas: ['het raam', 'de ruit'],
  ventilatie: ['de ventilatie', 'de afzuiging'],
};
const object = (c: CommentContext, r: Random) => r.pick(thing[c.trade] ?? ['alles', 'het werk']);

const strengths: Phrase[] = [
  (c, r) =>
    `${r.pick(['Erg vriendelijke', 'Heel aardige', 'Prettige', 'Vriendelijke'])} ${who(c, r)}${r.pick([
      ', nam de tijd om alles uit te leggen',
      ', dacht goed met me mee',
      ' en had oog voor mijn vragen',
      '',
    ])}`,
  (c, r) =>
    c.journey === 'planned'
      ? r.pick([
          'Goede informatie vooraf over de planning',
          'We wisten van tevoren precies wat er ging gebeuren',
          'Fijn dat we vooraf een brief kregen met de data',
        ])
      : r.pick(['Duidelijke informatie vooraf', 'Ik wist precies wanneer er iemand zou komen']),
  (c, r) =>
    `${r.pick(['Het werk is goed uitgevoerd', 'Vakkundig werk', 'Mooi werk afgeleverd', 'Prima gerepareerd'])}${r.pick(
      [`, ${object(c, r)} is weer helemaal in orde`, ', ziet er netjes uit', ''],
    )}`,
  (_c, r) =>
    r.pick([
      'Alles netjes opgeruimd',
      'Weinig rommel gemaakt',
      'De woning werd schoon achtergelaten',
      'Zelfs de vloer werd nog even gestofzuigd',
    ]),
  (_c, r) =>
    r.pick([
      'De afspraak kon ik makkelijk online maken',
      'Handig dat ik de afspraak via de website kon plannen',
      'Fijn dat ik een sms kreeg als herinnering aan de afspraak',
    ]),
  (_c, r) => r.pick(['Precies op tijd', 'Keurig op de afgesproken tijd', 'Op tijd en heel beleefd']),
  (c, r) =>
    r.pick([
      `De ${who(c, r)} wist meteen wat er aan de hand was`,
      `Deskundige ${who(c, r)}`,
      'Kundig, en er werd goed uitgelegd wat er gedaan was',
    ]),
  (_c, r) =>
    r.pick([
      'Snel opgelost',
      'Binnen twee dagen geholpen',
      'Dezelfde dag nog gemaakt',
      'Snel en goed geholpen',
    ]),
];

const complaints: { phrase: Phrase; journeys: CommentContext['journey'][] }[] = [
  {
    phrase: (_c, r) =>
      `Ik had graag meer inspraak gehad in ${r.pick(['de planning', 'de kleur', 'wat er precies gedaan werd', 'de keuze van de materialen'])}`,
    journeys: ['planned'],
  },
  {
    phrase: (_c, r) =>
      r.pick([
        'Ik moest een hele dag vrij nemen omdat er alleen een dagdeel werd afgesproken',
        'Met een fulltime baan is het lastig om overdag thuis te zijn',
        'Een afspraak in de avond of op zaterdag zou fijn zijn',
      ]),
    journeys: ['repair', 'planned'],
  },
  {
    phrase: (c, r) =>
      r.pick([
        `Niemand liet weten dat de ${who(c, r)} later zou komen`,
        `Ik heb ${r.int(2, 4)} uur zitten wachten zonder bericht`,
        'Laat het even weten als het werk uitloopt',
      ]),
    journeys: ['repair', 'planned'],
  },
  {
    phrase: (_c, r) =>
      r.pick([
        'Het werk werd per complex gepland in plaats van per portiek, daardoor duurde het weken',
        `Wekenlang steigers voor het raam${r.chance(0.5) ? ' en niemand aan het werk' : ''}`,
      ]),
    journeys: ['planned'],
  },
  {
    phrase: (c, r) =>
      r.pick([
        'Bij het melden werd niet goed doorgevraagd',
        `De eerste keer kwam er iemand zonder het juiste onderdeel voor ${object(c, r)}`,
        `Er moest ${r.pick(['twee', 'drie'])} keer iemand komen voor hetzelfde probleem`,
        'Het klantcontactcentrum begreep niet goed wat er aan de hand was',
      ]),
    journeys: ['repair'],
  },
  {
    phrase: (_c, r) =>
      r.pick(['Ik kon zelf geen tijdstip kiezen', 'De voorgestelde tijden kwamen mij slecht uit']),
    journeys: ['repair', 'planned'],
  },
  {
    phrase: (_c, r) =>
      r.pick(['De afspraak is niet nagekomen', 'De afspraak werd op het laatste moment verzet']),
    journeys: ['repair', 'planned', 'vacancy'],
  },
  {
    phrase: (c, r) =>
      c.byContractor
        ? r.pick([
            'De aannemer is twee keer niet komen opdagen',
            'De aannemer kwam niet op de afgesproken dag',
          ])
        : `${object(c, r).replace(/^./, (s) => s.toUpperCase())} is nog steeds niet goed`,
    journeys: ['repair', 'planned'],
  },
  {
    phrase: (_c, r) => r.pick(['De woning was vies bij de oplevering', 'Er lag nog bouwafval in de tuin']),
    journeys: ['vacancy'],
  },
];

/** Praise, a complaint, or both, depending on the grade given. */
export function surveyComment(random: Random, c: CommentContext, grade: number): string {
  if (grade <= 5) return finish(random, complaintsFor(random, c, random.chance(0.3) ? 2 : 1), badEnd);
  if (grade <= 7 && random.chance(0.7))
    return finish(random, `${random.pick(strengths)(c, random)}, maar ${lower(complaint(random, c))}`, []);
  return finish(random, praise(random, c), goodEnd);
}

/** The answer to "Wat ging er mis?": one or two complaints, no praise. */
export function whatWentWrong(random: Random, c: CommentContext): string {
  return finish(random, complaintsFor(random, c, random.chance(0.25) ? 2 : 1), []);
}

const goodEnd = [' Dank jullie wel!', ' Top!', ' Zo kan het dus ook.', ' Prima geregeld.'];
const badEnd = [' Jammer.', ' Graag beter in het vervolg.', ' Dit moet echt beter.'];

function praise(random: Random, c: CommentContext) {
  const first = random.pick(strengths);
  const second = random.chance(0.35) ? random.pick(strengths) : null;
  return second && second !== first ? `${first(c, random)}. ${second(c, random)}` : first(c, random);
}

function complaint(random: Random, c: CommentContext) {
  const options = complaints.filter((x) => x.journeys.includes(c.journey));
  return random.pick(options).phrase(c, random);
}

function complaintsFor(random: Random, c: CommentContext, n: number) {
  const first = complaint(random, c);
  const second = n > 1 ? complaint(random, c) : first;
  return second === first ? first : `${first}. ${second}`;
}

function finish(random: Random, text: string, endings: string[]) {
  let out = `${text}.`;
  if (endings.length && random.chance(0.4)) out += random.pick(endings);
  if (random.chance(0.08)) out = lower(out); // some people type everything in lower case
  return out;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
