import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type BrowserContext, chromium, type Page, request } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'achtplus-demo';
export const screenshotDir = 'screenshots';

/** Debian's chromium, never a downloaded browser; a fresh profile for every run. */
export async function openBrowser(
  baseURL: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'achtplus-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=nl-NL',
    ],
    baseURL,
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * An API client signed in as the demo admin, who sees everything: journeys use it to pick records
 * the person under test must (not) see. Throws when the sign-in fails.
 */
export async function adminApi(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const signedIn = await api.post('/api/auth/sign-in/email', {
    data: { email: 'admin@demo.achtplus.nl', password: DEMO_PASSWORD },
  });
  if (signedIn.status() !== 200) throw new Error(`the demo admin could not sign in: ${signedIn.status()}`);
  return api;
}

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Screenshot `a11y-<name>`, then axe-core over the page: every WCAG 2.x A/AA rule must pass. */
export async function audit(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await screenshot(page, `a11y-${name}`);
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(summary, `axe violations on ${name}`).toEqual([]);
}
