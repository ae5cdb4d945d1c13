import type { Calendar } from './calendar';
import type { DemoContractors } from './contractors';
import type { DemoHousing } from './housing';
import { JobAttribution } from './job-attribution';
import { draftPlannedProjects } from './job-planned';
import type { DemoVolumes } from './options';
import type { DemoOrganisation } from './organisation';
import type { DemoPeople } from './people';
import { type Random, WeightedTable } from './random';
import type { DemoTenants } from './tenants';
import { repairTrades, vacancyDescriptions } from './vocabulary';

/** A job before it gets its id, external id and status (which depend on "today"). */
export interface JobDraft {
  journey: 'repair' | 'planned' | 'vacancy';
  trade: string;
  description: string;
  unitId: number;
  tenantId: number | null;
  departmentId: number;
  teamId: number;
  technicianId: number | null;
  contractorId: number | null;
  channel: 'phone' | 'web' | 'app' | 'email' | 'walk_in' | 'other';
  reported: [day: number, minute: number];
  appointment: [day: number, minute: number] | null;
  completed: [day: number, minute: number] | null;
  cancelled: boolean;
}

export interface JobsContext {
  random: Random;
  volumes: DemoVolumes;
  calendar: Calendar;
  org: DemoOrganisation;
  people: DemoPeople;
  contractors: DemoContractors;
  housing: DemoHousing;
  tenants: DemoTenants;
}

export const jobColumns = [
  'id',
  'external_id',
  'journey',
  'trade',
  'description',
  'unit_id',
  'tenant_id',
  'department_id',
  'team_id',
  'technician_id',
  'contractor_id',
  'status',
  'reporting_channel',
  'reported_at',
  'appointment_at',
  'completed_at',
  'cancelled_at',
  'created_at',
  'updated_at',
];

/**
 * A job as written, for later steps (surveys: invitations after completed jobs). The draft is
 * passed as it is, not copied: spreading it into a new object per job made generating jobs
 * twice as slow.
 */
export interface GeneratedJob {
  id: number;
  externalId: string;
  status: 'reported' | 'planned' | 'completed' | 'cancelled';
  /** as written to the database: "2025-03-04 10:15:00+01", or null */
  completedAt: string | null;
  draft: JobDraft;
}

/** Counts the demo logins are chosen by (the technician and contractor with the most work). */

export interface JobStats {
  total: number;
  byJourney: Record<JobDraft['journey'], number>;
  byTechnician: Map<number, number>;
  byContractor: Map<number, number>;
}

/**
 * Step 6: three years of jobs up to yesterday, day by day, so external ids (WO-2024-000123) run
 * in reporting order. Rows stream out: at a large scale they never sit in memory all at once.
 */
export function generateJobs(c: JobsContext) {
  const stats: JobStats = {
    total: 0,
    byJourney: { repair: 0, planned: 0, vacancy: 0 },
    byTechnician: new Map(),
    byContractor: new Map(),
  };
  const attribution = new JobAttribution(c.people, c.contractors, c.calendar);
  const repairTeamOfRegion = new Map(
    c.org.teams.filter((t) => t.kind === 'repair').map((t) => [t.regionId, t.id]),
  );
  const planned = draftPlannedProjects({ ...c, attribution });

  function* rows(): Generator<unknown[]> {
    const repair = c.random.fork('repair');
    const vacancy = c.random.fork('vacancy');
    const rest = c.random.fork('status');
    const cal = c.calendar;
    const weights = cal.days.slice(0, cal.lastReportDay + 1).map((d) => dayWeight(d.weekday, d.month));
    const weightSum = weights.reduce((a, b) => a + b, 0);
    const repairsPerWeight = (c.volumes.repairJobsPerYear * c.volumes.years) / weightSum;
    const vacanciesPerWorkingDay = (c.volumes.units * c.volumes.vacancyRate) / 261;
    const sequence = new Map<number, number>();
    Object.assign(stats, {
      total: 0,
      byJourney: { repair: 0, planned: 0, vacancy: 0 },
      byTechnician: new Map(),
      byContractor: new Map(),
    });
    let id = 0;
    for (let day = 0; day <= cal.lastReportDay; day++) {
      const drafts: JobDraft[] = [...(planned.get(day) ?? [])];
      for (let n = stochasticRound(repair, repairsPerWeight * weights[day]!); n > 0; n--)
        drafts.push(repairJob(repair, day));
      if (!cal.isWeekend(day))
        for (let n = stochasticRound(vacancy, vacanciesPerWorkingDay); n > 0; n--)
          drafts.push(vacancyJob(vacancy, day));
      drafts.sort((a, b) => a.reported[1] - b.reported[1]);
      const year = cal.days[day]!.year;
      for (const draft of drafts) {
        const seq = (sequence.get(year) ?? 0) + 1;
        sequence.set(year, seq);
        yield toRow(++id, `WO-${year}-${String(seq).padStart(6, '0')}`, draft, rest);
      }
    }
  }

  const winter = new Set([11, 12, 1, 2, 3]);
  const tradeTables = [false, true].map(
    (isWinter) =>
      new WeightedTable(
        repairTrades,
        repairTrades.map((t) => (t.trade === 'cv/verwarming' ? t.weight * (isWinter ? 1.6 : 0.6) : t.weight)),
      ),
  );

  function repairJob(random: Random, day: number): JobDraft {
    const cal = c.calendar;
    const unit = c.housing.units[random.int(0, c.housing.units.length - 1)]!;
    const profile = tradeTables[winter.has(cal.days[day]!.month) ? 1 : 0]!.draw(random);
    const teamId = repairTeamOfRegion.get(unit.regionId)!;
    const channel = random.weighted([
      ['phone', 44],
      ['web', 30],
      ['app', 12],
      ['email', 6],
      ['walk_in', 2],
      ['other', 6],
    ] as const);
    const officeHours = channel === 'phone' || channel === 'walk_in' || channel === 'other';
    const reportedMinute = officeHours ? random.int(8 * 60, 17 * 60 - 1) : random.int(7 * 60, 23 * 60 - 1);
    const urgent = random.chance(0.12);
    let appointment: [number, number];
    if (urgent && reportedMinute < 15 * 60 && !cal.isWeekend(day))
      appointment = [day, Math.min(20 * 60, reportedMinute + random.int(60, 240))];
    else
      appointment = [
        cal.addWorkingDays(day, urgent ? 1 : random.around(5, 3, 1, 15)),
        random.int(15, 32) * 30,
      ];
    const returnVisit = random.chance(0.08);
    const completed: [number, number] = returnVisit
      ? [cal.addWorkingDays(appointment[0], random.int(2, 12)), random.int(16, 32) * 30 + random.int(30, 150)]
      : [appointment[0], appointment[1] + random.int(25, 150)];
    let technicianId = random.chance(profile.contractorShare)
      ? null
      : attribution.technician(random, teamId, appointment[0], profile.trade);
    const contractorId = technicianId ? null : attribution.contractor(random, unit.regionId, profile.trade);
    if (!contractorId && !technicianId)
      technicianId = attribution.technician(random, teamId, appointment[0], 'allround');
    return {
      journey: 'repair',
      trade: profile.trade,
      description: random.pick(profile.descriptions),
      unitId: unit.id,
      tenantId: c.tenants.tenantOfUnit[unit.id] || null,
      departmentId: 1,
      teamId,
      technicianId,
      contractorId,
      channel,
      reported: [day, reportedMinute],
      appointment,
      completed,
      cancelled: random.chance(0.03),
    };
  }

  function vacancyJob(random: Random, day: number): JobDraft {
    const cal = c.calendar;
    const unit = c.housing.units[random.int(0, c.housing.units.length - 1)]!;
    const teamId = repairTeamOfRegion.get(unit.regionId)!;
    const appointmentDay = cal.addWorkingDays(day, random.int(1, 3));
    // Attributed to whoever was in the team on the day of the work (membership over time).
    const technicianId = random.chance(0.75)
      ? attribution.technician(random, teamId, appointmentDay, 'timmerwerk')
      : null;
    return {
      journey: 'vacancy',
      trade: 'mutatie',
      description: random.pick(vacancyDescriptions),
      unitId: unit.id,
      tenantId: null, // between tenancies: nobody lives there
      departmentId: 1,
      teamId,
      technicianId,
      contractorId: technicianId ? null : attribution.contractor(random, unit.regionId, 'timmerwerk'),
      channel: 'other',
      reported: [day, random.int(8 * 60, 12 * 60)],
      appointment: [appointmentDay, 8 * 60],
      completed: [cal.addWorkingDays(appointmentDay, random.int(0, 4)), random.int(14 * 60, 16 * 60 + 30)],
      cancelled: false,
    };
  }

  /** Status follows from "today": done before today is completed, later work is still planned. */
  function toRow(id: number, externalId: string, d: JobDraft, random: Random): unknown[] {
    const cal = c.calendar;
    const at = (t: [number, number] | null) => (t ? cal.at(t[0], Math.min(t[1], 23 * 60 + 59)) : null);
    const reportedAt = at(d.reported)!;
    let status: string;
    let appointment = d.appointment;
    let completedAt: string | null = null;
    let cancelledAt: string | null = null;
    if (d.cancelled && d.reported[0] + 3 < cal.today) {
      status = 'cancelled';
      cancelledAt = at([d.reported[0] + random.int(0, 3), random.int(8 * 60, 17 * 60)]);
    } else if (d.completed && d.completed[0] < cal.today) {
      status = 'completed';
      completedAt = at(d.completed);
    } else if (d.reported[0] >= cal.today - 2 && random.chance(0.4)) {
      status = 'reported'; // not yet planned in
      appointment = null;
    } else status = 'planned';
    stats.total++;
    stats.byJourney[d.journey]++;
    if (status === 'completed') {
      if (d.technicianId)
        stats.byTechnician.set(d.technicianId, (stats.byTechnician.get(d.technicianId) ?? 0) + 1);
      if (d.contractorId)
        stats.byContractor.set(d.contractorId, (stats.byContractor.get(d.contractorId) ?? 0) + 1);
    }
    for (const observer of observers)
      observer({ draft: d, id, externalId, status: status as GeneratedJob['status'], completedAt });
    const updatedAt = completedAt ?? cancelledAt ?? reportedAt;
    return [
      id,
      externalId,
      d.journey,
      d.trade,
      d.description,
      d.unitId,
      d.tenantId,
      d.departmentId,
      d.teamId,
      d.technicianId,
      d.contractorId,
      status,
      d.channel,
      reportedAt,
      at(appointment),
      completedAt,
      cancelledAt,
      reportedAt,
      updatedAt,
    ];
  }

  const observers: ((job: GeneratedJob) => void)[] = [];
  /**
   * Calls `fn` for every job as it streams out. A later step registers here and puts its own
   * table after `jobs` in the loading order, so its rows exist by the time they are loaded.
   */
  const observe = (fn: (job: GeneratedJob) => void) => observers.push(fn);
  return { columns: jobColumns, rows, stats, observe };
}

/** More repair requests on weekdays and in winter. */
function dayWeight(weekday: number, month: number) {
  const week = weekday === 0 ? 0.2 : weekday === 6 ? 0.3 : 1;
  return week * (1 + 0.2 * Math.cos(((month - 1) / 12) * 2 * Math.PI));
}

function stochasticRound(random: Random, expected: number) {
  const whole = Math.floor(expected);
  return whole + (random.next() < expected - whole ? 1 : 0);
}
