/** Dutch words the demo corporation is made of: trades, work descriptions, street names, cities. */

export interface TradeProfile {
  trade: string;
  /** share of all repair requests */
  weight: number;
  /** share of this trade's repairs done by contractors rather than own technicians */
  contractorShare: number;
  descriptions: readonly string[];
}

export const repairTrades: readonly TradeProfile[] = [
  {
    trade: 'loodgieter',
    weight: 22,
    contractorShare: 0.2,
    descriptions: [
      'Lekkende kraan in de keuken',
      'Toilet blijft doorlopen',
      'Lekkage onder het aanrecht',
      'Afvoer douche loopt traag weg',
      'Waterleiding lekt in de meterkast',
      'Stortbak toilet defect',
    ],
  },
  {
    trade: 'cv/verwarming',
    weight: 14,
    contractorShare: 0.55,
    descriptions: [
      'Cv-ketel geeft storing',
      'Geen warm water',
      'Radiator wordt niet warm',
      'Cv-installatie verliest druk',
      'Thermostaat reageert niet',
    ],
  },
  {
    trade: 'elektra',
    weight: 12,
    contractorShare: 0.25,
    descriptions: [
      'Stopcontact werkt niet',
      'Aardlekschakelaar slaat af',
      'Buitenlamp portiek defect',
      'Lichtschakelaar kapot',
      'Rookmelder piept',
    ],
  },
  {
    trade: 'timmerwerk',
    weight: 13,
    contractorShare: 0.25,
    descriptions: [
      'Binnendeur sluit niet goed',
      'Kozijn rot bij de voordeur',
      'Keukenkastje hangt scheef',
      'Vloerluik zit los',
      'Trapleuning zit los',
    ],
  },
  {
    trade: 'hang- en sluitwerk',
    weight: 12,
    contractorShare: 0.15,
    descriptions: [
      'Voordeurslot klemt',
      'Raam sluit niet meer',
      'Brievenbus klep kapot',
      'Deurdranger portiekdeur defect',
      'Scharnier balkondeur gebroken',
    ],
  },
  {
    trade: 'riolering',
    weight: 6,
    contractorShare: 0.9,
    descriptions: [
      'Verstopte afvoer keuken',
      'Toilet verstopt',
      'Rioollucht in de badkamer',
      'Regenpijp verstopt',
    ],
  },
  {
    trade: 'dak',
    weight: 6,
    contractorShare: 0.85,
    descriptions: [
      'Daklekkage boven de slaapkamer',
      'Dakpannen verschoven na storm',
      'Dakgoot lekt',
      'Vochtplek op het plafond',
    ],
  },
  {
    trade: 'glas',
    weight: 4,
    contractorShare: 0.9,
    descriptions: ['Ruit gebarsten in de woonkamer', 'Dubbel glas beslagen', 'Glas voordeur kapot'],
  },
  {
    trade: 'schilder',
    weight: 4,
    contractorShare: 0.5,
    descriptions: [
      'Schimmel op het plafond van de badkamer',
      'Bladderende verf kozijnen',
      'Houtrot bijwerken en schilderen',
    ],
  },
  {
    trade: 'tegelwerk',
    weight: 3,
    contractorShare: 0.4,
    descriptions: [
      'Tegels los in de douche',
      'Kitnaad badkamer vervangen',
      'Gebroken vloertegel in de keuken',
    ],
  },
  {
    trade: 'ventilatie',
    weight: 4,
    contractorShare: 0.8,
    descriptions: [
      'Mechanische ventilatie maakt herrie',
      'Ventilatiebox defect',
      'Afzuiging badkamer werkt niet',
    ],
  },
];

/** Planned maintenance: whole complexes at once, mostly by main contractors. */
export const plannedProjects: readonly { trade: string; description: string }[] = [
  { trade: 'schilder', description: 'Planmatig schilderwerk buitenzijde' },
  { trade: 'dak', description: 'Dakrenovatie en vervanging dakbedekking' },
  { trade: 'timmerwerk', description: 'Vervanging kozijnen door kunststof' },
  { trade: 'cv/verwarming', description: 'Vervanging cv-ketel door hybride warmtepomp' },
  { trade: 'timmerwerk', description: 'Keukenvervanging' },
  { trade: 'tegelwerk', description: 'Badkamerrenovatie' },
  { trade: 'bouwkundig', description: 'Balkonrenovatie en betonherstel' },
  { trade: 'elektra', description: 'Groepenkast vervangen en elektra keuren' },
  { trade: 'bouwkundig', description: 'Na-isolatie spouwmuur en gevelonderhoud' },
  { trade: 'ventilatie', description: 'Vervanging mechanische ventilatie' },
];

export const vacancyDescriptions = [
  'Mutatieonderhoud: woning opleveren voor nieuwe huurder',
  'Mutatieonderhoud: keuring gas en elektra',
  'Mutatieonderhoud: wanden en plafonds herstellen',
  'Mutatieonderhoud: sloten vervangen en woning schoonmaken',
];

/** Four cities, five regions: the largest city is split in two. Postcode ranges are realistic. */
export const cities = [
  {
    name: 'Zwolle',
    share: 0.4,
    postcodeFrom: 8011,
    postcodeTo: 8043,
    regions: [
      { code: 'ZWN', name: 'Zwolle-Noord' },
      { code: 'ZWZ', name: 'Zwolle-Zuid' },
    ],
  },
  {
    name: 'Apeldoorn',
    share: 0.25,
    postcodeFrom: 7311,
    postcodeTo: 7339,
    regions: [{ code: 'APD', name: 'Apeldoorn' }],
  },
  {
    name: 'Deventer',
    share: 0.22,
    postcodeFrom: 7411,
    postcodeTo: 7429,
    regions: [{ code: 'DEV', name: 'Deventer' }],
  },
  {
    name: 'Kampen',
    share: 0.13,
    postcodeFrom: 8261,
    postcodeTo: 8266,
    regions: [{ code: 'KAM', name: 'Kampen' }],
  },
] as const;

const streetRoots = [
  // birds
  'Merel',
  'Lijster',
  'Spreeuwen',
  'Vinken',
  'Meeuwen',
  'Kievit',
  'Reiger',
  'Zwaluw',
  'Specht',
  'Roodborst',
  'Winterkoning',
  'Kwartel',
  'Fazant',
  'Havik',
  'Valk',
  'Uilen',
  'Leeuwerik',
  'Nachtegaal',
  'Koekoek',
  'Ekster',
  'Grutto',
  'Tureluur',
  'Wielewaal',
  'Putter',
  'Sijs',
  'Zwanen',
  'Ooievaar',
  'Kraanvogel',
  'Pauw',
  'Patrijs',
  // trees
  'Eiken',
  'Beuken',
  'Linden',
  'Berken',
  'Essen',
  'Esdoorn',
  'Populieren',
  'Wilgen',
  'Kastanje',
  'Platanen',
  'Acacia',
  'Iepen',
  'Elzen',
  'Hazelaar',
  'Meidoorn',
  'Vlier',
  'Lariks',
  'Dennen',
  'Sparren',
  'Taxus',
  // flowers
  'Rozen',
  'Tulpen',
  'Narcissen',
  'Krokus',
  'Anjer',
  'Dahlia',
  'Lelie',
  'Iris',
  'Seringen',
  'Jasmijn',
  'Klaver',
  'Hyacinten',
  'Goudsbloem',
  'Zonnebloem',
  'Korenbloem',
  'Klaproos',
  'Madelief',
  'Lavendel',
  'Vergeet-mij-niet',
  'Boterbloem',
  // painters and writers
  'Rembrandt',
  'Vermeer',
  'Frans Hals',
  'Jan Steen',
  'Mondriaan',
  'Breitner',
  'Mesdag',
  'Ruisdael',
  'Hobbema',
  'Jozef Israëls',
  'Vondel',
  'Bilderdijk',
  'Multatuli',
  'Hooft',
  'Huygens',
  'Jacob Cats',
  'Da Costa',
  'Tollens',
  'Potgieter',
  'Couperus',
  'Thorbecke',
  'Van Heutsz',
  'Schaepman',
  'Troelstra',
  'Drees',
  'Aletta Jacobs',
  'Annie M.G. Schmidt',
  'Nescio',
  'Bredero',
  'Staring',
  // royal and historic
  'Juliana',
  'Beatrix',
  'Wilhelmina',
  'Emma',
  'Oranje',
  'Nassau',
  'Prins Hendrik',
  'Prinses Irene',
  'Prins Bernhard',
  'Koningin',
  // trades and places
  'Smeden',
  'Bakkers',
  'Kuipers',
  'Molenaars',
  'Schippers',
  'Wevers',
  'Touwslagers',
  'Lijnbaan',
  'Ambachts',
  'Gilde',
  'Hanze',
  'IJssel',
  'Vecht',
  'Zwarte Water',
  'Veluwe',
  'Salland',
  'Twente',
  'Drenthe',
  'Friesland',
  'Groningen',
  // sky and seasons
  'Zon',
  'Maan',
  'Sterren',
  'Mercurius',
  'Venus',
  'Jupiter',
  'Saturnus',
  'Lente',
  'Zomer',
  'Herfst',
] as const;

const streetSuffixes = [
  'straat',
  'laan',
  'weg',
  'plein',
  'hof',
  'singel',
  'pad',
  'erf',
  'dreef',
  'kade',
  'plantsoen',
  'park',
] as const;

/** "Merelstraat", "Frans Halsplein", "Vergeet-mij-nietlaan": every root with every suffix. */
export function streetNamePool(): string[] {
  const out: string[] = [];
  for (const root of streetRoots) for (const suffix of streetSuffixes) out.push(`${root}${suffix}`);
  return out;
}

/** Letter pairs of Dutch postcodes; SA, SD and SS are not used. */
export const postcodeLetters: readonly string[] = (() => {
  const out: string[] = [];
  for (let a = 65; a <= 90; a++)
    for (let b = 65; b <= 90; b++) {
      const pair = String.fromCharCode(a, b);
      if (!['SA', 'SD', 'SS'].includes(pair)) out.push(pair);
    }
  return out;
})();
