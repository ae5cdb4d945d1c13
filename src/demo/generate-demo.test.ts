import { describe, expect, it } from 'vitest';
import { csvLine } from './csv';
import { demoTables, generateDemo } from './generate-demo';
import { demoLoginLinks } from './logins';

const small = { scale: 0.02, asOf: '2026-05-20' };
const firstJobs = (d: ReturnType<typeof generateDemo>, n: number) => {
  const out: unknown[][] = [];
  for (const row of d.jobs.rows()) {
    out.push(row);
    if (out.length === n) break;
  }
  return out;
};

describe('the demo generator', () => {
  it('makes the same organisation from the same seed', () => {
    const a = generateDemo({ ...small, seed: 42 });
    const b = generateDemo({ ...small, seed: 42 });
    expect(b.people.employees).toEqual(a.people.employees);
    expect(b.contractors.contractors).toEqual(a.contractors.contractors);
    expect(b.housing.units).toEqual(a.housing.units);
    expect(b.tenants.tenants).toEqual(a.tenants.tenants);
    expect(firstJobs(b, 500)).toEqual(firstJobs(a, 500));
    expect(demoLoginLinks(b)).toEqual(demoLoginLinks(a));
  });

  it('makes a different one from another seed', () => {
    const a = generateDemo({ ...small, seed: 1 });
    const b = generateDemo({ ...small, seed: 2 });
    expect(b.people.employees.map((e) => e.name)).not.toEqual(a.people.employees.map((e) => e.name));
    expect(b.tenants.tenants.slice(0, 20).map((t) => t.name)).not.toEqual(
      a.tenants.tenants.slice(0, 20).map((t) => t.name),
    );
  });

  it('has the shape of the corporation in BRIEF.md', () => {
    const d = generateDemo(small);
    expect(d.org.departments.map((x) => x.name)).toEqual(['Onderhoudsdienst', 'Planmatig Onderhoud']);
    expect(d.org.regions).toHaveLength(5);
    expect(d.org.teams.filter((t) => t.kind === 'repair')).toHaveLength(5);
    expect(d.org.teams.filter((t) => t.kind === 'planned')).toHaveLength(5);
    expect(d.org.teams.every((t) => t.leaderEmployeeId)).toBe(true);
    const technicians = d.people.employees.filter((e) => e.role === 'technician' && e.active);
    expect(technicians.length).toBeGreaterThanOrEqual(95);
    expect(technicians.length).toBeLessThanOrEqual(110);
    const byCategory = (c: string) => d.contractors.contractors.filter((x) => x.category === c).length;
    expect([byCategory('main'), byCategory('specialist'), byCategory('other')]).toEqual([9, 10, 141]);
    for (const team of d.org.teams)
      expect(d.contractors.contractors.some((c) => c.pilotTeamId === team.id)).toBe(true);
    expect(d.housing.units).toHaveLength(900);
    expect(new Set(d.housing.units.map((u) => u.city))).toEqual(
      new Set(['Zwolle', 'Apeldoorn', 'Deventer', 'Kampen']),
    );
    expect(d.housing.units.every((u) => /^\d{4} [A-Z]{2}$/.test(u.postcode))).toBe(true);
    expect(d.housing.units.filter((u) => u.ownersAssociationName).length).toBe(160);
    // A few technicians changed teams: two memberships, the first closed the day before the second.
    const moved = d.people.memberships.filter(
      (m) => m.validTo && d.people.employees[m.employeeId - 1]!.active,
    );
    expect(moved.length).toBeGreaterThanOrEqual(5);
    for (const m of moved) {
      const next = d.people.memberships.find(
        (x) => x.employeeId === m.employeeId && x.validFrom > m.validFrom,
      )!;
      expect(next.validFrom > m.validTo!).toBe(true);
    }
  });

  it('writes three years of jobs with Dutch work-order numbers, statuses and working hours', () => {
    const d = generateDemo(small);
    const observed: { id: number; status: string; completedAt: string | null }[] = [];
    d.jobs.observe((job) => observed.push(job));
    const rows = [...d.jobs.rows()];
    expect(observed).toHaveLength(rows.length); // what a later step (surveys) builds on
    expect(observed.filter((j) => j.status === 'completed').every((j) => j.completedAt)).toBe(true);
    const col = (name: string) => d.jobs.columns.indexOf(name);
    expect(rows.length).toBeGreaterThan(3 * 1400 * 0.9);
    expect(d.jobs.stats.byJourney.planned).toBeGreaterThan(0);
    expect(d.jobs.stats.byJourney.vacancy).toBeGreaterThan(0);
    expect(rows[0]![col('external_id')]).toBe('WO-2023-000001');
    expect(new Set(rows.map((r) => r[col('external_id')])).size).toBe(rows.length);
    const completed = rows.filter((r) => r[col('status')] === 'completed');
    expect(completed.length / rows.length).toBeGreaterThan(0.9);
    for (const r of completed) {
      expect(String(r[col('completed_at')]) >= String(r[col('reported_at')])).toBe(true);
      expect(String(r[col('completed_at')]) < '2026-05-20').toBe(true);
      expect(Boolean(r[col('technician_id')]) !== Boolean(r[col('contractor_id')])).toBe(true);
    }
    // Appointments are made in working hours, local time with the offset of the day.
    const appointment = String(completed[0]![col('appointment_at')]);
    expect(appointment).toMatch(/^\d{4}-\d{2}-\d{2} (0[7-9]|1\d|20):\d{2}:00\+0[12]$/);
    expect(
      rows.some(
        (r) =>
          String(r[col('reported_at')]).startsWith('2025-07') &&
          String(r[col('reported_at')]).endsWith('+02'),
      ),
    ).toBe(true);
    expect(
      rows.some(
        (r) =>
          String(r[col('reported_at')]).startsWith('2025-01') &&
          String(r[col('reported_at')]).endsWith('+01'),
      ),
    ).toBe(true);
  });

  it('attributes a job to the team the technician belonged to on the day of the work', () => {
    const d = generateDemo({ ...small, scale: 0.05 });
    const col = (name: string) => d.jobs.columns.indexOf(name);
    let checked = 0;
    for (const r of d.jobs.rows()) {
      const technician = r[col('technician_id')] as number | null;
      const appointment = r[col('appointment_at')] as string | null;
      if (!technician || !appointment) continue;
      const day = appointment.slice(0, 10);
      const member = d.people.memberships.some(
        (m) =>
          m.employeeId === technician &&
          m.teamId === r[col('team_id')] &&
          m.validFrom <= day &&
          (!m.validTo || m.validTo >= day),
      );
      if (!member)
        throw new Error(
          `job ${r[col('external_id')]}: technician ${technician} not in team ${r[col('team_id')]} on ${day}`,
        );
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('has tenants who opted out themselves, at the moment of their opt-out', () => {
    const d = generateDemo(small);
    const optedOut = d.tenants.tenants.filter((t) => t.optedOutAt !== null);
    const own = d.tenants.tenants.filter((t) => t.selfOptedOutAt !== null);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(optedOut.length); // the ERP opted the others out
    for (const t of own) {
      expect(t.selfOptedOutAt).toBe(t.optedOutAt);
      expect(t.preferredChannel).not.toBe('none'); // they were sent the link they clicked
    }
    // and the tenants' COPY writes it down, next to opted_out and opted_out_at
    const table = demoTables(d).find((t) => t.table === 'tenants')!;
    const col = (name: string) => table.columns.indexOf(name);
    const written = [...table.rows].filter((r) => r[col('self_opted_out_at')] !== null);
    expect(written.map((r) => r[col('id')])).toEqual(own.map((t) => t.id));
    for (const r of written) {
      expect(r[col('opted_out')]).toBe(true);
      expect(r[col('self_opted_out_at')]).toBe(r[col('opted_out_at')]);
    }
  });

  it('quotes CSV only where COPY needs it', () => {
    expect(csvLine([1, 'a', null, '', 'x, "y"', true])).toBe('1,a,,"","x, ""y""",t\n');
  });
});
