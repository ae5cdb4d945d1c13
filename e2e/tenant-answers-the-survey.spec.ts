import { randomBytes } from 'node:crypto';
import { type APIRequestContext, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { middayAmsterdam } from '../src/test/due-invitations';
import { adminApi, audit, closeSessions, newSession, screenshot, signedInPage, signIn } from './browser';
import { waitForMail } from './mailbox';
import { sharedServer } from './server';

/**
 * The survey loop end to end, as the corporation lives it: the ERP reports a job completed through
 * the API → the dispatcher sends the invitation by e-mail to a real SMTP server → the tenant opens the
 * link on a phone, answers and submits → the team leader of the job's team sees the answer, the
 * leader of another team does not. Quality sets the repair delay to 0 minutes first, so the
 * invitation is due at once; the shared server may send in the quiet hours (TEST_SEND_IN_QUIET_HOURS,
 * tests only), so this passes at any hour of the day.
 */

const run = randomBytes(4).toString('hex');
const PASSWORD = `e2e-${run}-wachtwoord`;
const tenant = { name: `Mevrouw Jansen-${run}`, email: `huurder-${run}@example.test` };
const comment = `De kraan lekt nog steeds <script>alert(1)</script> ${run}`;
const jobNo = `E2E-${run}`;

interface Team {
  code: string;
  leaderEmail: string;
}

async function ok<T = unknown>(
  response: Awaited<ReturnType<APIRequestContext['post']>>,
  what: string,
): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a tenant answers the survey of a completed job, and only the own team leader sees it', () => {
  let url: string;
  let mailboxDir: string;
  let admin: APIRequestContext;
  let erp: APIRequestContext;
  const own: Team = { code: `E2E-A-${run}`, leaderEmail: `leider-a-${run}@example.test` };
  const other: Team = { code: `E2E-B-${run}`, leaderEmail: `leider-b-${run}@example.test` };
  let jobId: number;
  let link: string;
  let repairSettings: Record<string, unknown> | undefined;

  beforeAll(async () => {
    url = (await sharedServer()).url;
    mailboxDir = inject('mailboxDir');
    admin = await adminApi(url);

    // the ERP's connection: an API key as an admin creates one
    const key = await ok<{ token: string }>(
      await admin.post('/api/v1/api-keys', {
        data: { name: `ERP e2e ${run}`, scopes: ['jobs:write', 'masterdata:write'] },
      }),
      'create API key',
    );
    erp = await request.newContext({
      baseURL: url,
      extraHTTPHeaders: { authorization: `Bearer ${key.token}` },
    });

    // two teams of the repair department, each with its own leader who has an account
    const departments = (await (await admin.get('/api/v1/departments')).json()) as {
      items: Array<{ code: string; kind: string }>;
    };
    const department = departments.items.find((d) => d.kind === 'repair')!.code;
    const teams = [own, other];
    await ok(
      await erp.post('/api/v1/employees', {
        data: {
          employees: teams.map((t, i) => ({
            externalId: `${t.code}-LEIDER`,
            name: `Leider ${'AB'[i]} ${run}`,
            role: 'team_leader',
            departmentCode: department,
          })),
        },
      }),
      'employees',
    );
    await ok(
      await erp.post('/api/v1/teams', {
        data: {
          teams: teams.map((t, i) => ({
            code: t.code,
            name: `Team ${'AB'[i]} ${run}`,
            departmentCode: department,
            leaderExternalId: `${t.code}-LEIDER`,
          })),
        },
      }),
      'teams',
    );
    for (const t of teams) {
      const found = (await (
        await admin.get(`/api/v1/employees?q=${encodeURIComponent(`${t.code}-LEIDER`)}`)
      ).json()) as {
        items: Array<{ id: number; externalId: string }>;
      };
      const employee = found.items.find((e) => e.externalId === `${t.code}-LEIDER`)!;
      await ok(
        await admin.post('/api/v1/users', {
          data: {
            email: t.leaderEmail,
            name: `Leider ${t.code}`,
            role: 'team_leader',
            employeeId: employee.id,
            password: PASSWORD,
          },
        }),
        `user for ${t.code}`,
      );
    }

    // the tenant, and a repair job of team A that the ERP reports as done
    await ok(
      await erp.post('/api/v1/tenants', {
        data: {
          tenants: [
            { externalId: `H-${run}`, name: tenant.name, email: tenant.email, preferredChannel: 'email' },
          ],
        },
      }),
      'tenant',
    );
    const reportedAt = middayAmsterdam(-3).toISOString();
    await ok(
      await erp.post('/api/v1/jobs', {
        data: {
          jobs: [
            {
              externalId: jobNo,
              journey: 'repair',
              trade: 'loodgieter',
              description: 'Lekkende kraan in de keuken',
              tenantExternalId: `H-${run}`,
              teamCode: own.code,
              status: 'planned',
              reportedAt,
            },
          ],
        },
      }),
      'job',
    );
  });

  afterAll(async () => {
    if (repairSettings) await admin.put('/api/v1/survey-settings/repair', { data: repairSettings });
    await erp?.dispose();
    await admin?.dispose();
    await closeSessions();
  });

  it('the ERP completes the job, and the invitation reaches the tenant by e-mail', async () => {
    // quality sends repair surveys straight after completion instead of two hours later (restored after)
    const all = (await (await admin.get('/api/v1/survey-settings')).json()) as {
      items: Array<Record<string, unknown> & { journey: string }>;
    };
    const { journey: _, ...current } = all.items.find((s) => s.journey === 'repair')!;
    repairSettings = current;
    await ok(
      await admin.put('/api/v1/survey-settings/repair', { data: { ...current, delayMinutes: 0 } }),
      'survey settings',
    );

    await ok(
      await erp.post('/api/v1/jobs/status', {
        data: {
          updates: [{ externalId: jobNo, status: 'completed', at: middayAmsterdam(-1).toISOString() }],
        },
      }),
      'complete the job',
    );
    const jobs = (await (await admin.get(`/api/v1/jobs?q=${encodeURIComponent(jobNo)}`)).json()) as {
      items: Array<{ id: number; externalId: string }>;
    };
    jobId = jobs.items.find((j) => j.externalId === jobNo)!.id;

    const mail = await waitForMail(mailboxDir, tenant.email).catch(async (err: Error) => {
      // say what became of the invitation, so a failure here is understood from the log alone
      const survey = await (await admin.get(`/api/v1/jobs/${jobId}/survey`)).text();
      const outbox = await (await admin.get('/api/v1/outbox?pageSize=5')).text();
      throw new Error(`${err.message}\nthe job's survey: ${survey}\nlatest outbox: ${outbox.slice(0, 2000)}`);
    });
    expect(mail.subject).toBeTruthy();
    expect(mail.text).toContain(tenant.name);
    const found = mail.text?.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]{20,}/);
    expect(found, 'the e-mail carries the survey link').not.toBeNull();
    link = found![0];
    expect(link.startsWith(url)).toBe(true);
    expect(mail.html || '').toContain(link);
    // one-click unsubscribe (RFC 8058) travels with the message
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe-post')).toContain('List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(/\/s\/[A-Za-z0-9_-]{20,}\/unsubscribe/);

    // the job's survey history says sent; the outbox shows the message as sent, its link hidden
    const survey = async () =>
      (await (await admin.get(`/api/v1/jobs/${jobId}/survey`)).json()) as {
        invitation: { status: string; messages: Array<{ kind: string; status: string }> } | null;
      };
    expect((await survey()).invitation?.status).toBe('sent');
    // delivered means the SMTP server took it: the message's status follows the server's answer
    await expect
      .poll(async () => (await survey()).invitation?.messages.map((m) => `${m.kind}:${m.status}`))
      .toEqual(['survey_invitation:sent']);
  });

  it('the tenant opens the link on a phone, answers and submits; the team leader’s open dashboard shows it within seconds', async () => {
    // the own team leader has the dashboard open before the tenant answers (team A has no reactions yet)
    const dashboard = await signedInPage({ email: own.leaderEmail, password: PASSWORD });
    await dashboard.page.goto('/dashboard?journey=repair&period=year');
    await dashboard.page.getByText(/Reparatie · 0 reacties/).waitFor({ timeout: 30_000 });

    // first at desktop size, as someone reading their mail on a computer would see it
    // the tenant has no account: a window of their own, signed in as nobody
    const tenantWindow = await newSession();
    const desk = tenantWindow.page;
    await desk.goto(link);
    await desk.getByRole('heading', { level: 1 }).waitFor();
    await screenshot(desk, 'tenant-survey-desktop');
    await audit(desk, 'tenant-survey-desktop');
    await desk.close();

    // then on a phone, where most tenants answer
    const phone = await tenantWindow.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(link);
    await answer(phone);
    await screenshot(phone, 'tenant-survey-phone');
    await audit(phone, 'tenant-survey-phone-answered');
    await phone.getByRole('button', { name: /Versturen|Verzenden/ }).click();
    await phone
      .getByText(/Bedankt/)
      .first()
      .waitFor();
    const thanks = (await phone.locator('body').textContent()) ?? '';
    expect(thanks).toContain(comment); // shows what was answered, as text
    await screenshot(phone, 'tenant-survey-phone-thanks');
    await audit(phone, 'tenant-survey-phone-thanks');

    // the script was shown as text, never run
    expect(await phone.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    await tenantWindow.close();

    // no reload: the dashboard asks every 3 s whether a reaction came in, then reads its figures again
    // (issue 9: within 5 seconds; 15 here, for a busy machine)
    await dashboard.page.getByText(/Reparatie · 1 reactie/).waitFor({ timeout: 15_000 });
    await screenshot(dashboard.page, 'team-leader-dashboard-live');
    await dashboard.close();
  });

  it("the job's team leader sees the answer; another team's leader does not", async () => {
    // the own leader's first sign-in with the account the ERP's data made, on the login page
    const ownWindow = await newSession();
    let page = ownWindow.page;
    await signIn(page, own.leaderEmail, PASSWORD);
    await page.goto('/responses');
    await page.getByText(comment).first().waitFor({ timeout: 30_000 });
    const list = (await page.locator('main').textContent()) ?? '';
    expect(list, 'without consent the tenant stays anonymous').not.toContain(tenant.name);
    await screenshot(page, 'team-leader-sees-response');

    await page.goto(`/jobs/${jobId}`);
    await page.getByRole('heading', { level: 1, name: `Klus ${jobNo}` }).waitFor();
    await page.getByText(comment).first().waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toContain(tenant.name);
    await screenshot(page, 'team-leader-job-with-response');
    await ownWindow.close();

    const otherWindow = await signedInPage({ email: other.leaderEmail, password: PASSWORD });
    page = otherWindow.page;
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/responses'));
    await page.goto('/responses');
    expect((await listed).status()).toBe(200);
    const theirs = (await page.request.get('/api/v1/responses?pageSize=100').then((r) => r.json())) as {
      items: Array<{ job: { id: number } | null }>;
    };
    expect(theirs.items.some((r) => r.job?.id === jobId)).toBe(false);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(comment);
    expect((await page.request.get(`/api/v1/jobs/${jobId}/survey`)).status()).toBe(404);
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/jobs/${jobId}`);
    await page.goto(`/jobs/${jobId}`);
    expect((await answered).status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    await screenshot(page, 'other-team-leader-not-found');
    await otherWindow.close();
  });
});

/** Grade 4 opens "what went wrong" (the page's script shows it at once), then a few more answers. */
async function answer(page: Page) {
  const group = (name: RegExp) => page.getByRole('group', { name });
  await group(/rapportcijfer/)
    .getByLabel('4', { exact: true })
    .check();
  const wrong = page.getByLabel(/Wat ging er mis/);
  await wrong.waitFor({ state: 'visible' });
  await wrong.fill(comment);
  await group(/aanbeveelt/)
    .getByLabel('3', { exact: true })
    .check();
  await group(/bezoek van de vakman/)
    .getByLabel('6', { exact: true })
    .check();
  await group(/Is het probleem in één keer verholpen/)
    .getByLabel('Nee', { exact: true })
    .check();
  await group(/Mogen we uw antwoorden/)
    .getByLabel('Nee', { exact: true })
    .check();
}
