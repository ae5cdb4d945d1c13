import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminApi,
  audit,
  closeSessions,
  type DemoPerson,
  newSession,
  type Session,
  signedInPage,
} from './browser';
import { type RunningServer, sharedServer } from './server';

describe('the staff app is accessible (axe-core finds no violations)', () => {
  let server: RunningServer;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    server = await sharedServer();
    session = await newSession();
    page = session.page;
  });
  afterAll(async () => {
    await closeSessions();
    await server?.stop();
  });

  it('login page', async () => {
    await page.goto('/login');
    await audit(page, 'login');
  });

  it('pages of an admin', async () => {
    await switchTo('admin');
    const paths = [
      '/jobs',
      '/teams',
      '/employees',
      '/contractors',
      '/units',
      '/admin/users',
      '/admin/api-keys',
      '/admin/organisation',
      '/admin/imports',
      '/admin/outbox',
      '/admin/audit-log',
      '/nergens',
    ];
    for (const path of paths) {
      await page.goto(path);
      await audit(page, path.replaceAll('/', '_').slice(1));
    }
    // detail pages: the first row of each list
    for (const list of ['/jobs', '/teams', '/employees', '/contractors', '/units']) {
      await page.goto(list);
      const first = page.locator(`main table a[href^="${list}/"]`).first();
      await first.waitFor();
      await first.click();
      await audit(page, `${list.slice(1)}-detail`);
    }
  });

  it('the admin’s survey pages and dialogs', async () => {
    await switchTo('admin');
    await page.goto('/responses');
    await page.locator('main table').first().waitFor();
    await audit(page, 'responses');

    // the page of a job a tenant answered the survey for, and its home, found through the API
    const api = await adminApi(server.url);
    let job: { id: number; unit: { id: number } | null } | undefined;
    try {
      const responses = await api.get('/api/v1/responses?pageSize=20');
      expect(responses.status()).toBe(200);
      // a demo job with a home (another journey may have added answered jobs without one)
      const linked = (await responses.json()).items.filter(
        (r: { job: { id: number } | null }) => r.job !== null,
      ) as Array<{ job: { id: number } }>;
      for (const answered of linked) {
        job = await (await api.get(`/api/v1/jobs/${answered.job.id}`)).json();
        if (job?.unit) break;
      }
      expect(job?.unit, 'a demo response still linked to its job and home').toBeTruthy();
      if (!job?.unit) return;
    } finally {
      await api.dispose();
    }
    await page.goto(`/jobs/${job.id}`);
    await page.getByRole('heading', { name: 'Reactie', exact: true }).waitFor();
    await audit(page, 'job-with-response');

    // titled dialogs: one banner, a named close button
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    await page.getByRole('dialog', { name: 'Nieuwe gebruiker' }).waitFor();
    await audit(page, 'dialog-new-user');
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`/units/${job.unit!.id}`);
    await page.getByRole('button', { name: 'Toon huurder van deze woning' }).click();
    await page.getByRole('button', { name: 'Gegevens wissen (AVG)' }).first().click();
    await page.getByRole('dialog', { name: 'Gegevens van deze huurder wissen?' }).waitFor();
    await audit(page, 'dialog-erase-tenant');
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  /** Opens the first link of a kind in the main area (a list row, a field) and audits the page. */
  async function auditFirst(from: string, href: string, name: string) {
    await page.goto(from);
    const first = page.locator(`main a[href^="${href}"]`).first();
    await first.waitFor();
    await first.click();
    await page.waitForURL(`**${href}**`);
    await audit(page, name);
  }

  /** the next pages as another person: a window of their own */
  async function switchTo(who: DemoPerson) {
    const next = await signedInPage(who);
    await session.close();
    session = next;
    page = next.page;
  }

  it('pages of a technician', async () => {
    await switchTo('technician');
    for (const path of ['/jobs', '/teams', '/contractors', '/units']) {
      await page.goto(path);
      await audit(page, `technician${path.replaceAll('/', '_')}`);
    }
    // the date picker's calendar, open
    await page.goto('/jobs');
    await page.getByRole('textbox', { name: 'Gereed in periode: vanaf' }).click();
    await page.locator('.mantine-DateInput-dropdown, [data-dates-dropdown]').first().waitFor();
    await audit(page, 'technician-date-picker');
    await page.keyboard.press('Escape');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn gegevens' })
      .click();
    await page.waitForURL('**/employees/*');
    await audit(page, 'technician-own-details');
    await auditFirst('/jobs', '/jobs/', 'technician-job-detail');
    await auditFirst('/units', '/units/', 'technician-unit-detail');
  });

  it('pages of a contractor', async () => {
    await switchTo('contractor');
    for (const path of ['/jobs', '/teams', '/units']) {
      await page.goto(path);
      await audit(page, `contractor${path.replaceAll('/', '_')}`);
    }
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Ons bedrijf' })
      .click();
    await page.waitForURL('**/contractors/*');
    await audit(page, 'contractor-own-company');
    await auditFirst('/jobs', '/jobs/', 'contractor-job-detail');
    await auditFirst('/teams', '/teams/', 'contractor-team-detail');
    await auditFirst('/units', '/units/', 'contractor-unit-detail');
  });

  it('the team leader’s own teams', async () => {
    await switchTo('teamLeader');
    await page.goto('/teams');
    await audit(page, 'team-leader-teams');
  });

  it('the dashboards', async () => {
    await switchTo('teamLeader');
    // each page once its figures are there (the journey is chosen first, then the figures load)
    const pages = [
      ['/dashboard', 'Laatste reacties met een opmerking'],
      ['/dashboard/trend', '% 8 of hoger per maand'],
      ['/dashboard/breakdown', 'Uitsplitsing: Vakman'],
      ['/dashboard/journey', 'Wat het rapportcijfer het meest bepaalt'],
    ] as const;
    for (const [path, shown] of pages) {
      await page.goto(path);
      await page.getByRole(path.endsWith('breakdown') ? 'table' : 'heading', { name: shown }).waitFor();
      await audit(page, `dashboard${path.replaceAll('/', '_').slice('/dashboard'.length)}`);
    }
    // the filters behind "Meer filters", open
    await page.getByRole('button', { name: 'Meer filters' }).click();
    await page.getByRole('combobox', { name: 'Vakman' }).waitFor();
    await audit(page, 'dashboard-more-filters');

    await switchTo('technician');
    await page.goto('/dashboard');
    await page.getByRole('heading', { name: 'Ter vergelijking' }).waitFor();
    await audit(page, 'dashboard-technician');

    await switchTo('admin');
    await page.goto('/dashboard/targets');
    await page.getByRole('button', { name: 'Doel vastleggen' }).waitFor();
    await audit(page, 'dashboard-targets');
  });
});
