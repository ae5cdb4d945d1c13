import type { JobAttribution } from './job-attribution';
import type { JobDraft, JobsContext } from './jobs';
import { plannedProjects } from './vocabulary';

/**
 * Planned maintenance: each planned team runs a handful of projects a year on whole complexes
 * (painting, roofs, window frames …). The work orders of a project are created on one day and
 * carried out home by home over the following weeks, mostly by one main contractor.
 * Returns the drafts by the day they were reported.
 */
export function draftPlannedProjects(c: JobsContext & { attribution: JobAttribution }) {
  const random = c.random.fork('planned');
  const cal = c.calendar;
  const byDay = new Map<number, JobDraft[]>();
  const plannedTeams = c.org.teams.filter((t) => t.kind === 'planned');
  for (const team of plannedTeams) {
    const complexes = c.housing.complexes.filter((x) => x.teamId === team.id);
    if (!complexes.length) continue;
    const order = random.shuffle(complexes); // a complex gets at most one project in three years, until they run out
    let next = 0;
    for (let year = 0; year < c.volumes.years; year++) {
      for (let k = 0; k < c.volumes.plannedProjectsPerTeamPerYear; k++) {
        const complex = order[next++ % order.length]!;
        const project = random.pick(plannedProjects);
        const reportedDay = cal.addWorkingDays(year * 365 + random.int(0, 330), 0);
        if (reportedDay > cal.lastReportDay) continue;
        const start = cal.addWorkingDays(reportedDay, random.int(10, 25));
        const byTechnician = random.chance(0.2)
          ? c.attribution.technician(random, team.id, start, project.trade)
          : null;
        const contractorId = byTechnician
          ? null
          : c.attribution.contractor(random, complex.regionId, project.trade);
        const perDay = random.int(4, 10);
        const reportedMinute = random.int(8 * 60, 16 * 60);
        let i = 0;
        for (const unitId of complex.unitIds) {
          if (random.chance(0.08)) continue; // the tenant declined or the home was empty then
          const day = cal.addWorkingDays(start, Math.floor(i / perDay));
          const minute = 7 * 60 + 30 + (i % perDay) * 45;
          i++;
          const drafts = byDay.get(reportedDay) ?? [];
          drafts.push({
            journey: 'planned',
            trade: project.trade,
            description: project.description,
            unitId,
            tenantId: c.tenants.tenantOfUnit[unitId] || null,
            departmentId: 2,
            teamId: team.id,
            technicianId: byTechnician,
            contractorId,
            channel: 'other',
            reported: [reportedDay, reportedMinute],
            appointment: [day, minute],
            completed: [day, minute + random.int(60, 300)],
            cancelled: random.chance(0.02),
          });
          byDay.set(reportedDay, drafts);
        }
      }
    }
  }
  return byDay;
}
