import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../src/demo/generate-demo';
import { adminApi, audit, closeSessions, screenshot, signedInPage } from './browser';
import { type RunningServer, sharedServer } from './server';

interface TenantItem {
  id: number;
  externalId: string;
  name: string;
  optedOut: boolean;
  selfOptedOutAt: string | null;
  erasedAt: string | null;
}

interface Home {
  tenantId: number;
  unitId: number;
  /** the unit page's heading */
  address: string;
}

const REASON = 'Telefonisch verzoek huurder, e2e-journey';
const CONFLICT =
  'Er is niets terug te zetten: deze huurder heeft zich niet (meer) zelf afgemeld. Sluit dit venster om de huurder te zien zoals die nu is.';

/**
 * The homes of demo tenants who opted out themselves, last generated first: the shared server
 * seeds the demo with its default options, so the same generator here says who they are (the API
 * has no filter for it). The last ones lie far from anything another journey picks; each check
 * below still asks the server whether its tenant is as the demo made them.
 */
function ownOptOutHomes(): Home[] {
  const demo = generateDemo();
  const units = new Map(demo.housing.units.map((u) => [u.id, u]));
  return demo.tenants.tenants
    .filter((t) => t.selfOptedOutAt !== null)
    .reverse()
    .map((t) => {
      const unit = units.get(t.unitId)!;
      return { tenantId: t.id, unitId: unit.id, address: `${unit.street} ${unit.houseNumber}, ${unit.city}` };
    });
}

describe('an admin opts a tenant who opted out themselves back in, at the tenant’s request', () => {
  let server: RunningServer;
  let admin: APIRequestContext;
  let homes: Home[];

  beforeAll(async () => {
    server = await sharedServer();
    admin = await adminApi(server.url);
    homes = ownOptOutHomes();
    expect(homes.length, 'the demo has tenants who opted out themselves').toBeGreaterThan(10);
  });

  afterAll(async () => {
    await admin?.dispose();
    await closeSessions();
    await server?.stop();
  });

  /** the tenant as the server now has them, read by the admin (not through a page) */
  async function tenantOf(home: Home): Promise<TenantItem | undefined> {
    const res = await admin.get(`/api/v1/tenants?unitId=${home.unitId}&pageSize=20`);
    expect(res.status()).toBe(200);
    return ((await res.json()) as { items: TenantItem[] }).items.find((t) => t.id === home.tenantId);
  }

  async function openUnit(page: Page, home: Home) {
    await page.goto(`/units/${home.unitId}`);
    await page.getByRole('heading', { level: 1, name: home.address }).waitFor();
  }

  /** the unit page of an admin, with its tenant shown */
  async function showTenant(page: Page, home: Home, tenant: TenantItem) {
    await openUnit(page, home);
    await page.getByRole('button', { name: 'Toon huurder van deze woning' }).click();
    await page.getByText(`(${tenant.externalId})`).waitFor();
  }

  it('sees "op eigen verzoek", gives a reason, and the tenant receives surveys again; a stale tab is told so', async () => {
    const home = homes[0]!;
    const before = await tenantOf(home);
    expect(before, 'the demo tenant still lives in the home').toBeDefined();
    if (!before) return;
    expect(before).toMatchObject({ optedOut: true, erasedAt: null });
    expect(before.selfOptedOutAt).not.toBeNull();

    const session = await signedInPage('admin');
    const page = session.page;
    await showTenant(page, home, before);
    await page.getByText(/Wil geen enquêtes — op eigen verzoek, sinds \d/).waitFor();
    // a second tab, opened now, keeps showing the tenant as opted out
    const staleTab = await session.context.newPage();
    await showTenant(staleTab, home, before);
    await screenshot(page, 'opt-in-own-opt-out');

    await page.getByRole('button', { name: 'Weer enquêtes sturen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Weer enquêtes sturen naar deze huurder?' });
    await dialog.waitFor();
    await audit(page, 'dialog-opt-in-tenant');
    const submit = dialog.getByRole('button', { name: 'Weer enquêtes sturen' });
    const reason = dialog.getByRole('textbox', { name: 'Reden' });
    expect(await submit.isDisabled()).toBe(true);
    await reason.fill('   ');
    expect(await submit.isDisabled(), 'blanks are no reason').toBe(true);
    await reason.fill(REASON);
    expect(await submit.isEnabled()).toBe(true);
    await submit.click();

    await dialog.waitFor({ state: 'detached' });
    await page.getByText('De huurder ontvangt weer enquêtes.').waitFor();
    await page.getByText('Ontvangt enquêtes', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Weer enquêtes sturen' }).count()).toBe(0);
    expect(await page.getByText('op eigen verzoek').count()).toBe(0);
    await screenshot(page, 'opt-in-done');

    // what the server now holds, and what the audit log says about who did it and why
    expect(await tenantOf(home)).toMatchObject({ optedOut: false, selfOptedOutAt: null });
    const log = await admin.get(`/api/v1/audit-log?action=tenant.opted_in&subjectId=${home.tenantId}`);
    expect(log.status()).toBe(200);
    const entries = (await log.json()) as {
      items: Array<{ details: { reason?: string } | null; actor: { name: string | null } }>;
    };
    expect(entries.items).toHaveLength(1);
    expect(entries.items[0]!.details?.reason).toBe(REASON);

    // the stale tab tries the same: it is told, in Dutch, that there is nothing left to undo, and
    // once the dialog is closed the page shows the tenant as they now are
    await staleTab.bringToFront();
    await staleTab.getByRole('button', { name: 'Weer enquêtes sturen' }).click();
    const staleDialog = staleTab.getByRole('dialog', { name: 'Weer enquêtes sturen naar deze huurder?' });
    await staleDialog.getByRole('textbox', { name: 'Reden' }).fill(REASON);
    await staleDialog.getByRole('button', { name: 'Weer enquêtes sturen' }).click();
    await staleDialog.getByRole('alert').filter({ hasText: CONFLICT }).waitFor();
    await screenshot(staleTab, 'opt-in-conflict');
    await staleDialog.getByRole('button', { name: 'Annuleren' }).click();
    await staleTab.getByText('Ontvangt enquêtes', { exact: true }).waitFor();
    expect(await staleTab.getByRole('button', { name: 'Weer enquêtes sturen' }).count()).toBe(0);
    await screenshot(staleTab, 'opt-in-conflict-after');
    // nothing was undone twice
    const again = await admin.get(`/api/v1/audit-log?action=tenant.opted_in&subjectId=${home.tenantId}`);
    expect(((await again.json()) as { items: unknown[] }).items).toHaveLength(1);
    await session.close();
  });

  it('a team leader sees the home but not its tenant, and cannot opt the tenant in', async () => {
    // another tenant than above, so this holds whichever runs first
    const home = homes[1]!;
    const tenant = await tenantOf(home);
    expect(tenant?.selfOptedOutAt, 'the demo tenant opted out themselves').toBeTruthy();
    if (!tenant) return;

    const session = await signedInPage('teamLeader');
    const page = session.page;
    await openUnit(page, home);
    await page.waitForLoadState('networkidle');
    await page.getByRole('heading', { level: 2, name: 'Recente klussen' }).waitFor();
    await screenshot(page, 'opt-in-team-leader-unit');
    const main = page.locator('main');
    expect(await main.getByRole('heading', { name: 'Huurder', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Toon huurder van deze woning' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Weer enquêtes sturen' }).count()).toBe(0);
    expect((await main.textContent()) ?? '').not.toContain(tenant.name);

    // nor through the API with the session's cookie
    expect((await page.request.get(`/api/v1/tenants?unitId=${home.unitId}`)).status()).toBe(403);
    const refused = await page.request.post(`/api/v1/tenants/${tenant.id}/opt-in`, {
      data: { reason: REASON },
      headers: { origin: server.url },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('Cross-site');
    expect(await tenantOf(home)).toMatchObject({ optedOut: true, selfOptedOutAt: tenant.selfOptedOutAt });
    await session.close();
  });
});
