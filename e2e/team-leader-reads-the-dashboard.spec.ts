import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, closeSessions, screenshot, signedInPage } from './browser';
import { type RunningServer, sharedServer } from './server';

interface BreakdownRow {
  key: string | null;
  label: string;
  responses: number;
}

describe('a team leader reads the dashboard down to one reaction; a technician sees only their own', () => {
  let server: RunningServer;
  let admin: APIRequestContext;

  beforeAll(async () => {
    server = await sharedServer();
    admin = await adminApi(server.url);
  });

  afterAll(async () => {
    await admin?.dispose();
    await closeSessions();
    await server?.stop();
  });

  it('narrows from the overview to the breakdown by technician, one technician and one reaction', async () => {
    const { page } = await signedInPage('teamLeader');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // repairs are the team's journey: the dashboard opens on them, this year, with its figures
    await page.waitForURL((url) => url.searchParams.get('journey') === 'repair');
    const main = page.locator('main');
    await page.getByRole('heading', { name: 'Laatste reacties met een opmerking' }).waitFor();
    await expect.poll(() => main.getByText(/^n = [\d.]+ · 95 %-interval/).count()).toBeGreaterThan(3);
    await screenshot(page, 'dashboard-team-leader-overview');

    await page
      .getByRole('navigation', { name: 'Onderdelen van het dashboard' })
      .getByRole('link', { name: 'Uitsplitsing' })
      .click();
    await page.waitForURL('**/dashboard/breakdown?**');
    const table = page.getByRole('table', { name: 'Uitsplitsing: Vakman' });
    await table.waitFor();

    // the technician of the team with the most reactions this year, as the page's own API answers it
    const answer = await page.request.get('/api/v1/metrics/breakdown?by=technician&journey=repair');
    expect(answer.status()).toBe(200);
    const rows = ((await answer.json()) as { rows: BreakdownRow[] }).rows.filter((r) => r.key !== null);
    const technician = rows.sort((a, b) => b.responses - a.responses)[0];
    expect(technician, 'the team has technicians with reactions').toBeDefined();
    if (!technician) return;
    await screenshot(page, 'dashboard-team-leader-breakdown');

    await table.getByRole('link', { name: technician.label, exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === '/dashboard' && url.searchParams.get('technicianId') === technician.key,
    );
    await page
      .getByRole('group', { name: 'Actieve filters' })
      .getByText(`Vakman: ${technician.label}`)
      .waitFor();
    const latest = page.getByRole('link', { name: /^Reactie bekijken/ });
    await latest.first().waitFor();
    // every latest reaction is that technician's
    const lines = await main.getByText(/ · Reactie bekijken/).allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(technician.label);
    await screenshot(page, 'dashboard-team-leader-one-technician');

    await latest.first().click();
    await page.waitForURL('**/jobs/*');
    await page.getByRole('heading', { name: 'Reactie', exact: true }).waitFor();
    expect(await main.getByText(technician.label, { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-team-leader-reaction');
  });

  it('shows a technician their own results and reactions, never a colleague’s', async () => {
    const { page } = await signedInPage('technician');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { employeeId: number; name: string };
    // the colleagues: everyone else with reactions in the technician's team, as the admin sees them
    const teamAnswer = await page.request.get('/api/v1/metrics/breakdown?by=team&journey=repair');
    const teams = ((await teamAnswer.json()) as { rows: BreakdownRow[] }).rows.filter((r) => r.key !== null);
    expect(teams.length).toBeGreaterThan(0);
    const colleagues: string[] = [];
    for (const team of teams) {
      const all = await admin.get(
        `/api/v1/metrics/breakdown?by=technician&journey=repair&teamId=${team.key}`,
      );
      for (const row of ((await all.json()) as { rows: BreakdownRow[] }).rows)
        if (row.key !== null && row.key !== String(me.employeeId) && row.label) colleagues.push(row.label);
    }
    expect(colleagues.length, 'the demo team has other technicians').toBeGreaterThan(0);

    await page.goto('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Mijn resultaten' }).waitFor();
    const main = page.locator('main');
    await page.getByRole('heading', { name: 'Ter vergelijking' }).waitFor();
    await page
      .getByRole('link', { name: /^Reactie bekijken/ })
      .first()
      .waitFor();
    const overviewText = (await main.textContent()) ?? '';
    for (const name of colleagues)
      expect(overviewText, `no colleague (${name}) on the overview`).not.toContain(name);
    await screenshot(page, 'dashboard-technician-overview');

    // the breakdown by team has the technician's own reactions only, and no one's name but their own
    await page.goto('/dashboard/breakdown?journey=repair&by=team');
    const table = page.getByRole('table', { name: 'Uitsplitsing: Regioteam' });
    await table.waitFor();
    const tableText = (await table.textContent()) ?? '';
    for (const name of colleagues)
      expect(tableText, `no colleague (${name}) in the breakdown`).not.toContain(name);
    // asking for a breakdown by technician in the URL gets one the technician may see instead
    await page.goto('/dashboard/breakdown?journey=repair&by=technician');
    await page.getByRole('table', { name: /^Uitsplitsing: / }).waitFor();
    expect(await page.getByRole('table', { name: 'Uitsplitsing: Vakman' }).count()).toBe(0);
    const otherText = (await main.textContent()) ?? '';
    for (const name of colleagues) expect(otherText).not.toContain(name);
    await screenshot(page, 'dashboard-technician-breakdown');

    // and the reactions the dashboard links to are all the technician's own
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Alle reacties in deze selectie' }).click();
    await page.waitForURL('**/responses?**');
    const listed = await page.request.get(`/api/v1/responses?${new URL(page.url()).searchParams}`);
    const items = ((await listed.json()) as { items: { technician: { id: number } | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.technician?.id).toBe(me.employeeId);
  });
});
