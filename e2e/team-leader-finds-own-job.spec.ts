import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, closeSessions, demo, newSession, screenshot, signIn } from './browser';
import { type RunningServer, sharedServer } from './server';

interface JobItem {
  id: number;
  externalId: string;
  team: { id: number; name: string } | null;
}

describe('a team leader finds a job of their own team, and not one of another team', () => {
  let server: RunningServer;
  let admin: APIRequestContext;

  beforeAll(async () => {
    server = await sharedServer();
    // the admin sees every team; it picks a job the team leader must not be able to open
    admin = await adminApi(server.url);
  });

  afterAll(async () => {
    await admin?.dispose();
    await closeSessions();
    await server?.stop();
  });

  it('signs in, searches, opens the own job, and gets "niet gevonden" for another team’s job', async () => {
    // this journey starts at the login page
    const { page } = await newSession();
    await signIn(page, demo.teamLeader);
    await page.getByRole('heading', { level: 1, name: 'Klussen' }).waitFor();

    const me = (await (await page.request.get('/api/v1/me')).json()) as {
      ledTeamIds: number[];
      role: string;
    };
    expect(me.role).toBe('team_leader');
    expect(me.ledTeamIds.length).toBeGreaterThan(0);

    // a job of the own team, as the list's API offers it to this session (read directly: a response
    // caught while the page reloads may belong to the page that went away, and its body with it)
    const firstList = await page.request.get('/api/v1/jobs?page=1&pageSize=25');
    expect(firstList.status()).toBe(200);
    const own = ((await firstList.json()) as { items: JobItem[] }).items[0];
    expect(own, 'the team leader sees jobs of the own team').toBeDefined();
    if (!own) return;
    expect(me.ledTeamIds).toContain(own.team?.id);

    // find it by searching for its number
    const searched = page.waitForResponse((r) => r.url().includes(`q=${encodeURIComponent(own.externalId)}`));
    await page.getByRole('searchbox', { name: 'Zoeken' }).fill(own.externalId);
    await searched;
    const link = page.getByRole('link', { name: own.externalId, exact: true });
    await link.first().waitFor();
    await screenshot(page, 'team-leader-search');
    await link.first().click();
    await page.waitForURL(`**/jobs/${own.id}`);
    await page.getByRole('heading', { level: 1, name: `Klus ${own.externalId}` }).waitFor();
    expect(await page.getByText(own.team?.name ?? '', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'team-leader-own-job');

    // another team's job, opened by typing its address
    const all = (await (await admin.get('/api/v1/jobs?pageSize=200')).json()) as { items: JobItem[] };
    const foreign = all.items.find((j) => j.team && !me.ledTeamIds.includes(j.team.id));
    expect(foreign, 'the demo data has jobs of other teams').toBeDefined();
    if (!foreign) return;
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/jobs/${foreign.id}`);
    await page.goto(`/jobs/${foreign.id}`);
    expect((await answered).status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(foreign.externalId);
    if (foreign.team) expect(text).not.toContain(foreign.team.name);
    await screenshot(page, 'team-leader-foreign-job');
  });
});
