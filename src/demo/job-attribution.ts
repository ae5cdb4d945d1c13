import type { Calendar } from './calendar';
import type { DemoContractors } from './contractors';
import type { DemoPeople } from './people';
import { type Random, WeightedTable } from './random';

/** Trades an all-round technician also takes on. */
const allroundTrades = new Set([
  'timmerwerk',
  'hang- en sluitwerk',
  'loodgieter',
  'tegelwerk',
  'schilder',
  'bouwkundig',
]);

/**
 * Who does a job: a technician of the team at that moment (membership over time), or a contractor
 * working in the region. Main contractors and specialists get most contractor work, as in BRIEF.md.
 */
export class JobAttribution {
  private readonly byTeamMonth = new Map<string, Map<string, number[]>>();
  private readonly contractorTables = new Map<string, WeightedTable<number> | null>();

  constructor(
    private readonly people: DemoPeople,
    private readonly contractors: DemoContractors,
    private readonly calendar: Calendar,
  ) {}

  /** a technician of `teamId` on `day` who does `trade`, or null when the team has none */
  technician(random: Random, teamId: number, day: number, trade: string): number | null {
    const at = Math.min(day, this.calendar.days.length - 1);
    const d = this.calendar.days[at]!;
    const key = `${teamId}:${d.year}-${d.month}`;
    let byTrade = this.byTeamMonth.get(key);
    if (!byTrade) {
      byTrade = this.techniciansInMonth(teamId, at);
      this.byTeamMonth.set(key, byTrade);
    }
    const specialists = byTrade.get(trade) ?? [];
    const allround = allroundTrades.has(trade) ? (byTrade.get('allround') ?? []) : [];
    // Specialists of the trade count double: the all-rounders fill in.
    const n = specialists.length * 2 + allround.length;
    if (!n) return null;
    const r = random.int(0, n - 1);
    return r < specialists.length * 2 ? specialists[r >> 1]! : allround[r - specialists.length * 2]!;
  }

  /** a contractor for `trade` in `regionId`; null when nobody does the trade */
  contractor(random: Random, regionId: number, trade: string): number | null {
    const key = `${regionId}:${trade}`;
    if (!this.contractorTables.has(key)) {
      const eligible = this.contractors.contractors.filter(
        (c) => c.trades.includes(trade) && (c.regionId === null || c.regionId === regionId),
      );
      const weights = eligible.map((c) => (c.category === 'main' ? 10 : c.category === 'specialist' ? 7 : 2));
      this.contractorTables.set(
        key,
        eligible.length
          ? new WeightedTable(
              eligible.map((c) => c.id),
              weights,
            )
          : null,
      );
    }
    return this.contractorTables.get(key)?.draw(random) ?? null;
  }

  private techniciansInMonth(teamId: number, day: number) {
    // Moves happen on the first of a month, so whoever is a member on the month's first day
    // (or the calendar's first day) is a member all month.
    const d = this.calendar.days[day]!;
    const first = Math.max(0, day - (Number(d.date.slice(8, 10)) - 1));
    const byTrade = new Map<string, number[]>();
    for (const m of this.people.memberships) {
      if (m.teamId !== teamId || m.fromDay > first || m.toDay < first) continue;
      const employee = this.people.employees[m.employeeId - 1]!;
      if (employee.role !== 'technician' || !employee.trade) continue;
      const list = byTrade.get(employee.trade) ?? [];
      list.push(employee.id);
      byTrade.set(employee.trade, list);
    }
    return byTrade;
  }
}
