import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, closeSessions, demo, newSession, screenshot, signIn } from './browser';
import { type RunningServer, sharedServer } from './server';

interface JobItem {
  id: number;
  externalId: string;
  contractor: { id: number; name: string } | null;
  tenant?: { id: number; name: string } | null;
}

describe('a contractor sees the own work, without tenant data, and not another contractor’s', () => {
  let server: RunningServer;
  let admin: APIRequestContext;

  beforeAll(async () => {
    server = await sharedServer();
    // the admin sees everything: it knows the tenant's name and picks another contractor's job
    admin = await adminApi(server.url);
  });

  afterAll(async () => {
    await admin?.dispose();
    await closeSessions();
    await server?.stop();
  });

  it('signs in, sees only the own jobs, opens one without tenant data, and gets "niet gevonden" for another’s', async () => {
    // this journey starts at the login page
    const { page } = await newSession();
    const firstList = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/jobs');
    await signIn(page, demo.contractor);
    await page.getByRole('heading', { level: 1, name: 'Onze klussen' }).waitFor();

    const me = (await (await page.request.get('/api/v1/me')).json()) as {
      role: string;
      contractorId: number;
    };
    expect(me.role).toBe('contractor');
    expect(me.contractorId).toBeGreaterThan(0);

    // every job the list offers is one of the own company
    const listed = ((await (await firstList).json()) as { items: JobItem[] }).items;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((j) => j.contractor?.id !== me.contractorId)).toEqual([]);

    // the menu leads nowhere empty: no employees, the own company instead of all contractors
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Ons bedrijf' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Medewerkers' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Comakers' }).count()).toBe(0);
    await screenshot(page, 'contractor-jobs');

    // open an own job: the tenant stays out of sight
    const own = listed[0]!;
    const full = (await (await admin.get(`/api/v1/jobs/${own.id}`)).json()) as JobItem;
    await page.goto(`/jobs/${own.id}`);
    await page.getByRole('heading', { level: 1, name: `Klus ${own.externalId}` }).waitFor();
    await page.waitForLoadState('networkidle');
    const shown = (await page.locator('main').textContent()) ?? '';
    expect(shown).toContain(own.contractor?.name ?? '');
    if (full.tenant) expect(shown).not.toContain(full.tenant.name);
    expect(await page.getByRole('heading', { name: 'Huurder' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Toon contactgegevens' }).count()).toBe(0);
    await screenshot(page, 'contractor-own-job');

    // another contractor's job, opened by typing its address
    const all = (await (await admin.get('/api/v1/jobs?pageSize=200')).json()) as { items: JobItem[] };
    const foreign = all.items.find((j) => j.contractor && j.contractor.id !== me.contractorId);
    expect(foreign, 'the demo data has jobs of other contractors').toBeDefined();
    if (!foreign) return;
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/jobs/${foreign.id}`);
    await page.goto(`/jobs/${foreign.id}`);
    expect((await answered).status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Niet gevonden' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(foreign.externalId);
    if (foreign.contractor) expect(text).not.toContain(foreign.contractor.name);
    await screenshot(page, 'contractor-foreign-job');
  });
});
