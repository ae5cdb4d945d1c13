import { MailboxRegistry, mailbox, mobileNumber, personName, slug } from './names';
import type { DemoOrganisation } from './organisation';
import type { Random } from './random';

/** Step 3: 160 contractors — 9 main, 10 specialists, the rest small local firms — with contacts. */
export interface DemoContractor {
  id: number;
  externalId: string;
  name: string;
  category: 'main' | 'specialist' | 'other';
  /** what the contractor is known for (shown in lists) */
  trade: string;
  /** the trades it takes jobs in */
  trades: string[];
  /** small firms work in one region; main contractors and specialists everywhere */
  regionId: number | null;
  pilotTeamId: number | null;
}

export interface DemoContractorContact {
  id: number;
  contractorId: number;
  name: string;
  email: string;
  phone: string;
}

const mains: { pattern: string; trade: string; trades: string[] }[] = [
  {
    pattern: 'Bouwbedrijf {n} B.V.',
    trade: 'bouw',
    trades: ['timmerwerk', 'hang- en sluitwerk', 'bouwkundig', 'tegelwerk'],
  },
  { pattern: 'Aannemersbedrijf {n}', trade: 'bouw', trades: ['timmerwerk', 'bouwkundig', 'tegelwerk'] },
  { pattern: '{n} Bouw & Onderhoud B.V.', trade: 'bouw', trades: ['timmerwerk', 'bouwkundig', 'schilder'] },
  {
    pattern: 'Installatietechniek {n} B.V.',
    trade: 'installatie',
    trades: ['loodgieter', 'cv/verwarming', 'ventilatie'],
  },
  {
    pattern: '{n} Installatiegroep',
    trade: 'installatie',
    trades: ['cv/verwarming', 'elektra', 'loodgieter'],
  },
  { pattern: 'Elektrotechniek {n} B.V.', trade: 'elektra', trades: ['elektra'] },
  { pattern: 'Schildersbedrijf {n}', trade: 'schilder', trades: ['schilder', 'glas'] },
  { pattern: 'Dakdekkersbedrijf {n} B.V.', trade: 'dak', trades: ['dak'] },
  {
    pattern: '{n} Onderhoudsbedrijf',
    trade: 'allround',
    trades: ['timmerwerk', 'hang- en sluitwerk', 'loodgieter', 'tegelwerk'],
  },
];

const specialists: { pattern: string; trade: string }[] = [
  { pattern: 'Glashandel {n}', trade: 'glas' },
  { pattern: 'Rioolservice {n}', trade: 'riolering' },
  { pattern: '{n} Ontstoppingsdienst', trade: 'riolering' },
  { pattern: 'Ventilatietechniek {n}', trade: 'ventilatie' },
  { pattern: '{n} Asbestsanering B.V.', trade: 'bouwkundig' },
  { pattern: 'Gevelrenovatie {n}', trade: 'bouwkundig' },
  { pattern: '{n} Dakgoten & Zinkwerk', trade: 'dak' },
  { pattern: 'Tegelzetbedrijf {n}', trade: 'tegelwerk' },
  { pattern: '{n} Brandbeveiliging', trade: 'elektra' },
  { pattern: 'Warmtepomp Service {n}', trade: 'cv/verwarming' },
];

const smallFirms: { pattern: string; trade: string }[] = [
  { pattern: 'Klusbedrijf {n}', trade: 'timmerwerk' },
  { pattern: 'Timmerbedrijf {n}', trade: 'timmerwerk' },
  { pattern: 'Loodgietersbedrijf {n}', trade: 'loodgieter' },
  { pattern: 'Installatiebedrijf {n}', trade: 'cv/verwarming' },
  { pattern: 'Elektro {n}', trade: 'elektra' },
  { pattern: 'Schildersbedrijf {n}', trade: 'schilder' },
  { pattern: '{n} Dakwerken', trade: 'dak' },
  { pattern: 'Glaszetterij {n}', trade: 'glas' },
  { pattern: 'Slotenservice {n}', trade: 'hang- en sluitwerk' },
  { pattern: '{n} Tegelwerken', trade: 'tegelwerk' },
  { pattern: '{n} Ontstoppingen', trade: 'riolering' },
  { pattern: '{n} Bouwservice', trade: 'bouwkundig' },
];

/** Which contractor pilots the customer values with which team (index into mains, then teams 1…10). */
const pilotMainForTeam = [0, 3, 1, 4, 8, 2, 6, 7, 5];

export function generateContractors({
  random,
  org,
  total = 160,
}: {
  random: Random;
  org: DemoOrganisation;
  total?: number;
}) {
  const f = random.faker();
  const mail = new MailboxRegistry();
  const contractors: DemoContractor[] = [];
  const contacts: DemoContractorContact[] = [];
  const usedNames = new Set<string>();
  const firmName = (pattern: string) => {
    for (;;) {
      const name = pattern.replace(
        '{n}',
        f.person.lastName().replace(/^[a-z]/, (c) => c.toUpperCase()),
      );
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const add = (c: Omit<DemoContractor, 'id' | 'externalId' | 'pilotTeamId'>, contactCount: number) => {
    const id = contractors.length + 1;
    contractors.push({ id, externalId: `CR-${String(id).padStart(4, '0')}`, pilotTeamId: null, ...c });
    const domain = `${slug(c.name.replace(/ B\.V\.$/, ''))}.example`;
    for (let i = 0; i < contactCount; i++) {
      const name = personName(f);
      contacts.push({
        id: contacts.length + 1,
        contractorId: id,
        name: name.full,
        email: mail.address(mailbox(name), domain),
        phone: mobileNumber(random),
      });
    }
    return id;
  };

  const mainIds = mains.map((m) =>
    add({ name: firmName(m.pattern), category: 'main', trade: m.trade, trades: m.trades, regionId: null }, 3),
  );
  const specialistIds = specialists.map((s) =>
    add(
      {
        name: firmName(s.pattern),
        category: 'specialist',
        trade: s.trade,
        trades: [s.trade],
        regionId: null,
      },
      2,
    ),
  );
  while (contractors.length < total) {
    const s = random.pick(smallFirms);
    const region = random.pick(org.regions);
    add(
      {
        name: firmName(s.pattern),
        category: 'other',
        trade: s.trade,
        trades: [s.trade],
        regionId: region.id,
      },
      1,
    );
  }

  // Every team pilots the customer values with at least one contractor; the repair teams with a
  // local firm as well.
  pilotMainForTeam.forEach((mainIndex, teamIndex) => {
    contractors[mainIds[mainIndex]! - 1]!.pilotTeamId = org.teams[teamIndex]!.id;
  });
  contractors[specialistIds[5]! - 1]!.pilotTeamId = org.teams[9]!.id;
  for (const team of org.teams.filter((t) => t.kind === 'repair')) {
    const local = contractors.find(
      (c) => c.category === 'other' && c.regionId === team.regionId && c.pilotTeamId === null,
    );
    if (local) local.pilotTeamId = team.id;
  }
  return { contractors, contacts, mainIds, specialistIds };
}
export type DemoContractors = ReturnType<typeof generateContractors>;
