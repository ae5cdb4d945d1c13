import type { Calendar } from './calendar';
import { MailboxRegistry, mailbox, mobileNumber, personName } from './names';
import { DEMO_EMAIL_DOMAIN, type DemoOrganisation } from './organisation';
import type { Random } from './random';

/** Step 2: the staff — director, heads, team leaders, ~100 technicians, contact centre, quality. */
export interface DemoEmployee {
  id: number;
  externalId: string;
  name: string;
  email: string;
  phone: string;
  role: 'technician' | 'team_leader' | 'head_of_department' | 'director' | 'contact_centre' | 'quality';
  departmentId: number | null;
  trade: string | null;
  active: boolean;
}

export interface DemoMembership {
  id: number;
  employeeId: number;
  teamId: number;
  validFrom: string;
  validTo: string | null;
  /** the same period as day indexes of the calendar (clamped to it), for attributing jobs */
  fromDay: number;
  toDay: number;
}

export interface DemoPeople {
  employees: DemoEmployee[];
  memberships: DemoMembership[];
  directorId: number;
  headIds: { repair: number; planned: number };
  qualityIds: number[];
}

const repairTeamTrades = [
  'loodgieter',
  'loodgieter',
  'loodgieter',
  'cv/verwarming',
  'cv/verwarming',
  'elektra',
  'elektra',
  'timmerwerk',
  'timmerwerk',
  'timmerwerk',
  'hang- en sluitwerk',
  'hang- en sluitwerk',
  'schilder',
  'tegelwerk',
  'allround',
  'allround',
];
const plannedTeamTrades = ['bouwkundig', 'bouwkundig', 'schilder', 'timmerwerk'];

export function generatePeople({
  random,
  org,
  calendar,
}: {
  random: Random;
  org: DemoOrganisation;
  calendar: Calendar;
}): DemoPeople {
  const f = random.faker();
  const mail = new MailboxRegistry();
  const employees: DemoEmployee[] = [];
  const memberships: DemoMembership[] = [];
  const lastDay = calendar.days.length - 1;

  const hire = (role: DemoEmployee['role'], departmentId: number | null, trade: string | null = null) => {
    const name = personName(f);
    const id = employees.length + 1;
    employees.push({
      id,
      externalId: `MW-${String(1000 + id)}`,
      name: name.full,
      email: mail.address(mailbox(name), DEMO_EMAIL_DOMAIN),
      phone: mobileNumber(random),
      role,
      departmentId,
      trade,
      active: true,
    });
    return id;
  };
  // Long-standing members joined before the demo's history starts, on the first of some month.
  const longAgo = () =>
    `${random.int(2008, Number(calendar.days[0]!.date.slice(0, 4)) - 1)}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
  const join = (employeeId: number, teamId: number, validFrom: string, validTo: string | null = null) => {
    memberships.push({
      id: memberships.length + 1,
      employeeId,
      teamId,
      validFrom,
      validTo,
      fromDay: Math.max(0, calendar.indexOf(validFrom)),
      toDay: validTo ? calendar.indexOf(validTo) : lastDay,
    });
  };

  const directorId = hire('director', null);
  const headIds = { repair: hire('head_of_department', 1), planned: hire('head_of_department', 2) };
  const membersByTeam = new Map<number, number[]>();
  for (const team of org.teams) {
    team.leaderEmployeeId = hire('team_leader', team.departmentId, null);
    join(team.leaderEmployeeId, team.id, longAgo());
    const trades = team.kind === 'repair' ? repairTeamTrades : plannedTeamTrades;
    const members = trades.map((trade) => hire('technician', team.departmentId, trade));
    for (const id of members) join(id, team.id, longAgo());
    membersByTeam.set(team.id, members);
  }
  for (let i = 0; i < 12; i++) hire('contact_centre', null);
  const qualityIds = [hire('quality', null), hire('quality', null)];

  // History: a few technicians moved to another repair team, a few left and were replaced.
  const repairTeams = org.teams.filter((t) => t.kind === 'repair');
  const firstOfMonth = () => {
    const day = calendar.days[random.int(60, calendar.today - 30)]!;
    return `${day.date.slice(0, 7)}-01`;
  };
  const dayBefore = (date: string) => calendar.days[calendar.indexOf(date) - 1]!.date;
  const pickMember = (teamId: number, skip: number) => {
    const list = membersByTeam.get(teamId)!;
    return list.splice(skip + random.int(0, list.length - 1 - skip), 1)[0]!;
  };
  for (let i = 0; i < 6; i++) {
    const from = repairTeams[i % repairTeams.length]!;
    const to = repairTeams[(i + 1 + random.int(0, 3)) % repairTeams.length]!;
    // The first two members of the first team stay put: the demo logins rely on a stable team.
    const employeeId = pickMember(from.id, from === repairTeams[0] ? 2 : 0);
    const date = firstOfMonth();
    const current = memberships.find((m) => m.employeeId === employeeId && m.validTo === null)!;
    current.validTo = dayBefore(date);
    current.toDay = calendar.indexOf(current.validTo);
    join(employeeId, to.id, date); // not back in the pool: one move per person keeps the dates in order
  }
  for (let i = 0; i < 4; i++) {
    const team = repairTeams[(i * 2 + 1) % repairTeams.length]!;
    const leaver = pickMember(team.id, 0);
    const date = firstOfMonth();
    const current = memberships.find((m) => m.employeeId === leaver && m.validTo === null)!;
    current.validTo = dayBefore(date);
    current.toDay = calendar.indexOf(current.validTo);
    employees[leaver - 1]!.active = false;
    const successor = hire('technician', team.departmentId, employees[leaver - 1]!.trade);
    join(successor, team.id, date);
  }
  return { employees, memberships, directorId, headIds, qualityIds };
}
