import { beforeAll, describe, expect, it } from 'vitest';
import type { Journey } from '../db/schema';
import { type AnswerRow, checkAnswers } from '../domain/questionnaires/check-answers';
import { defaultQuestionnaires } from '../domain/questionnaires/default-definitions';
import { type DemoDataset, demoTables, generateDemo } from './generate-demo';

const secret = 'demo-test-secret-demo-test-secret-0000';
type Row = Record<string, unknown>;

/** All tables of a generated demo as objects by column name (jobs, units, tenants, surveys). */
function load(options: Parameters<typeof generateDemo>[0], tableSecret = secret) {
  const d = generateDemo(options);
  const out: Record<string, Row[]> = {};
  for (const t of demoTables(d, { secret: tableSecret }))
    out[t.table] = [...t.rows].map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i] ?? null])));
  return { d, ...out } as { d: DemoDataset } & Record<string, Row[]>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const nps = (xs: number[]) =>
  (100 * (xs.filter((x) => x >= 9).length - xs.filter((x) => x <= 6).length)) / xs.length;
const minutes = (at: unknown) =>
  Date.parse(
    String(at)
      .replace(' ', 'T')
      .replace(/([+-]\d\d)$/, '$1:00'),
  ) / 60_000;

/** An answer row back to the value the survey page would have sent. */
function sentValue(a: Row) {
  if (a.text_value !== null) return a.text_value;
  if (a.choice_values !== null) return String(a.choice_values).slice(1, -1).split(',');
  if (a.question_type === 'first_time_fix' || a.question_type === 'consent') return a.numeric_value === 1;
  return a.numeric_value;
}

const asColumns = (a: AnswerRow) => ({
  question_key: a.questionKey,
  question_type: a.questionType,
  numeric_value: a.numericValue,
  text_value: a.textValue,
  choice_values: a.choiceValues ? `{${a.choiceValues.join(',')}}` : null,
  phase: a.phase,
  technician_influenceable: a.technicianInfluenceable,
});

describe('demo survey invitations and responses', () => {
  let x: ReturnType<typeof load>;
  beforeAll(() => {
    x = load({ scale: 0.3, asOf: '2026-05-20' });
  }, 120_000);

  it('invites every completed job with a tenant once, and answers about 30% of those sent', () => {
    const completedWithTenant = x.jobs!.filter((j) => j.status === 'completed' && j.tenant_id);
    expect(x.invitations!.map((i) => i.job_id).sort()).toEqual(completedWithTenant.map((j) => j.id).sort());
    const delivered = x.invitations!.filter((i) => i.sent_at !== null);
    const rate = x.responses!.length / delivered.length;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
    const statuses = new Set(x.invitations!.map((i) => `${i.status}:${i.suppression_reason ?? ''}`));
    for (const s of ['answered:', 'expired:', 'sent:', 'suppressed:quarantine', 'suppressed:opted_out'])
      expect(statuses).toContain(s);
    expect(statuses).toContain('suppressed:no_contact');
  });

  it('decides invitations like the dispatcher: quiet hours, quarantine, opt-out, reminder, expiry', () => {
    const tenants = new Map(x.tenants!.map((t) => [t.id, t]));
    const lastSent = new Map<unknown, number>();
    const problems = new Set<string>();
    const check = (ok: boolean, problem: string) => ok || problems.add(problem);
    for (const i of [...x.invitations!].sort((a, b) => minutes(a.send_after) - minutes(b.send_after))) {
      const hour = Number(String(i.send_after).slice(11, 13));
      check(hour >= 8 && hour < 21, 'due in quiet hours');
      const tenant = tenants.get(i.tenant_id)!;
      const optedOut = tenant.opted_out_at === null ? null : minutes(tenant.opted_out_at);
      if (i.suppression_reason === 'opted_out')
        check(optedOut !== null && optedOut <= minutes(i.send_after), 'suppressed before opting out');
      if (i.sent_at === null) continue;
      check(i.channel === tenant.preferred_channel && i.channel !== 'none', 'sent without a channel');
      check(optedOut === null || minutes(i.send_after) < optedOut, 'sent after opting out');
      const last = lastSent.get(i.tenant_id);
      check(last === undefined || minutes(i.sent_at) - last >= 30 * 1440, 'sent within the quarantine');
      lastSent.set(i.tenant_id, minutes(i.sent_at));
      // 14 days later on the clock: across a daylight-saving switch an hour more or less
      check(Math.abs(minutes(i.expires_at) - minutes(i.sent_at) - 14 * 1440) <= 60, 'not 14 days');
      if (i.answered_at !== null)
        check(
          i.status === 'answered' &&
            minutes(i.answered_at) > minutes(i.sent_at) &&
            minutes(i.answered_at) < minutes(i.expires_at),
          'answered outside the life of the link',
        );
      if (i.reminded_at !== null)
        check(minutes(i.reminded_at) >= minutes(i.sent_at) + 3 * 1440 - 60, 'reminded too early');
      if (i.status === 'expired') check(String(i.expires_at) < '2026-05-20', 'expired in the future');
    }
    expect([...problems]).toEqual([]);
  });

  it('copies the attribution of the job into every response, the tenant only with consent', () => {
    const jobs = new Map(x.jobs!.map((j) => [j.id, j]));
    const units = new Map(x.d.housing.units.map((u) => [u.id, u]));
    const invitations = new Map(x.invitations!.map((i) => [i.id, i]));
    const copied = [
      'journey',
      'department_id',
      'team_id',
      'technician_id',
      'contractor_id',
      'trade',
      'unit_id',
    ];
    const problems = new Set<string>();
    for (const r of x.responses!) {
      const job = jobs.get(r.job_id)!;
      const invitation = invitations.get(r.invitation_id)!;
      if (invitation.job_id !== job.id || invitation.status !== 'answered') problems.add('invitation');
      if (r.submitted_at !== invitation.answered_at) problems.add('submitted_at');
      for (const k of [...copied, 'completed_at']) if (r[k] !== job[k]) problems.add(k);
      if (r.complex_id !== units.get(job.unit_id as number)!.complexId) problems.add('complex_id');
      if (r.tenant_id !== (r.consent ? job.tenant_id : null)) problems.add('tenant_id');
    }
    expect([...problems]).toEqual([]);
    const consent = x.responses!.filter((r) => r.consent).length / x.responses!.length;
    expect(consent).toBeGreaterThan(0.33);
    expect(consent).toBeLessThan(0.47);
  });

  it('stores answers exactly as the survey would, conditions respected', () => {
    const byResponse = new Map<unknown, Row[]>();
    for (const a of x.response_answers!) {
      const rows = byResponse.get(a.response_id);
      if (rows) rows.push(a);
      else byResponse.set(a.response_id, [a]);
    }
    const problems = new Set<string>();
    for (const r of x.responses!) {
      const rows = byResponse.get(r.id)!;
      const values = Object.fromEntries(rows.map((a) => [a.question_key, sentValue(a)]));
      const checked = checkAnswers(defaultQuestionnaires[r.journey as Journey].definition, values);
      if (!checked.ok) {
        problems.add(JSON.stringify(checked.problems));
        continue;
      }
      const stored = rows.map(({ id: _id, response_id: _r, ...a }) => JSON.stringify(a)).join();
      if (stored !== checked.rows.map((a) => JSON.stringify(asColumns(a))).join())
        problems.add(`typed: ${stored}`);
      if (values.grade !== r.grade || (values.nps ?? null) !== r.nps) problems.add('grade or nps');
      if ((values.consent === true) !== r.consent) problems.add('consent');
      if ((r.grade as number) > 5 && values.what_went_wrong !== undefined) problems.add('what went wrong');
    }
    expect([...problems]).toEqual([]);
    expect(x.response_answers!.some((a) => a.question_key === 'what_went_wrong')).toBe(true);
  });

  it('has the sector’s figures: repair ≈ 7.7 and polarised, planned lower and improving, phases and people differ', () => {
    const repair = x.responses!.filter((r) => r.journey === 'repair').map((r) => r.grade as number);
    expect(Math.abs(mean(repair) - 7.7)).toBeLessThan(0.3);
    const share = (f: (g: number) => boolean) => repair.filter(f).length / repair.length;
    expect(share((g) => g >= 8)).toBeGreaterThan(0.6);
    expect(share((g) => g <= 4)).toBeGreaterThan(share((g) => g === 5 || g === 6) * 0.9); // a tail, few 5–6
    const planned = x.responses!.filter((r) => r.journey === 'planned');
    expect(mean(planned.map((r) => r.grade as number))).toBeLessThan(mean(repair) - 1);
    const year = (from: string, to: string) =>
      nps(
        planned
          .filter((r) => r.completed_at! >= from && r.completed_at! < to && r.nps !== null)
          .map((r) => r.nps as number),
      );
    const first = year('2023-05-20', '2024-05-20');
    const last = year('2025-05-20', '2026-05-20');
    expect(first).toBeLessThan(-20);
    expect(last).toBeGreaterThan(first + 5);

    const journeyOf = new Map(x.responses!.map((r) => [r.id, r.journey]));
    const phase = (key: string) =>
      mean(
        x
          .response_answers!.filter(
            (a) => a.question_key === key && journeyOf.get(a.response_id) === 'repair',
          )
          .map((a) => a.numeric_value as number),
      );
    expect(phase('phase_visit')).toBeGreaterThan(phase('phase_appointment') + 0.5);
    expect(phase('phase_visit')).toBeGreaterThan(phase('phase_reporting') + 0.5);
    expect(phase('phase_visit')).toBeGreaterThan(phase('phase_handling') + 0.5);
    const ftf = x
      .response_answers!.filter((a) => a.question_key === 'first_time_fix')
      .map((a) => a.numeric_value as number);
    expect(Math.abs(mean(ftf) - 0.75)).toBeLessThan(0.05);

    const byTechnician = new Map<unknown, number[]>();
    for (const r of x.responses!)
      if (r.technician_id)
        byTechnician.set(r.technician_id, [...(byTechnician.get(r.technician_id) ?? []), r.grade as number]);
    const means = [...byTechnician.values()].filter((g) => g.length >= 30).map(mean);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1.5);
  });

  it('writes Dutch comments from what tenants said, varied, with no one’s name in them', () => {
    const comments = x
      .response_answers!.filter((a) => a.text_value !== null)
      .map((a) => String(a.text_value));
    expect(comments.length).toBeGreaterThan(x.responses!.length * 0.15);
    expect(new Set(comments).size).toBeGreaterThan(comments.length * 0.3);
    expect(comments.some((c) => /afspraak/i.test(c))).toBe(true);
    const names = [...x.d.people.employees, ...x.d.tenants.tenants].map((p) => p.name);
    const all = [...new Set(comments)].join('\n');
    expect(names.filter((name) => all.includes(name))).toEqual([]);
  });
});

describe('demo surveys: determinism, links and the --responses target', () => {
  const small = { scale: 0.02, asOf: '2026-05-20', seed: 5 };

  it('makes the same rows from the same seed and secret', () => {
    const a = load(small);
    const b = load(small);
    for (const t of ['invitations', 'responses', 'response_answers']) expect(b[t]).toEqual(a[t]);
    const c = load({ ...small, seed: 6 });
    expect(c.responses!.map((r) => r.grade)).not.toEqual(a.responses!.map((r) => r.grade));
  }, 60_000);

  it('gives open invitations of teamleider@’s team links derived from the secret, like the dispatcher', async () => {
    const { deriveSurveyToken, hashSurveyToken } = await import('../domain/invitations/survey-token');
    const a = load(small);
    expect(a.d.surveys.tryLinks.length).toBeGreaterThan(0);
    const byId = new Map(a.invitations!.map((i) => [i.id, i]));
    const jobs = new Map(a.jobs!.map((j) => [j.id, j]));
    const team = a.d.org.teams.find((t) => t.kind === 'repair')!.id; // teamleider@'s (logins.ts)
    for (const link of a.d.surveys.tryLinks) {
      const i = byId.get(link.invitationId)!;
      expect(i.status).toBe('sent');
      expect(jobs.get(i.job_id)!.team_id).toBe(team);
      expect(deriveSurveyToken(secret, i.id as number, i.token_nonce as string)).toBe(link.token);
      expect(i.token_hash).toBe(hashSurveyToken(link.token));
    }
    const other = load(small, 'another-secret-another-secret-another-0');
    const open = (x: typeof a) => x.invitations!.filter((i) => i.status === 'sent').map((i) => i.token_hash);
    expect(open(other)).not.toEqual(open(a));
    const answered = (x: typeof a) =>
      x.invitations!.filter((i) => i.status === 'answered').map((i) => i.token_hash);
    expect(answered(other)).toEqual(answered(a));
  }, 60_000);

  it('aims at the number of responses asked for', () => {
    const a = load({ ...small, responses: 300 });
    expect(a.responses!.length).toBeGreaterThan(255);
    expect(a.responses!.length).toBeLessThan(330);
    expect(load({ ...small, responses: 0 }).responses).toHaveLength(0);
  }, 60_000);
});
