import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  request,
} from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'achtplus-demo';
export const screenshotDir = 'screenshots';

/** The people of the demo corporation the journeys sign in as. */
export const demo = {
  admin: 'admin@demo.achtplus.nl',
  quality: 'kwaliteit@demo.achtplus.nl',
  teamLeader: 'teamleider@demo.achtplus.nl',
  contractor: 'comaker@demo.achtplus.nl',
  technician: 'vakman@demo.achtplus.nl',
} as const;
export type DemoPerson = keyof typeof demo;

/** A browser window of its own (its own cookies) in the Chromium every journey shares. */
export interface Session {
  context: BrowserContext;
  /** the first tab; open more with `context.newPage()` (they share the sign-in) */
  page: Page;
  close(): Promise<void>;
}

let shared: Promise<Browser> | undefined;
const open = new Set<Session>();

/**
 * A new window in the Chromium the global setup started (e2e/global-setup.ts), on the shared
 * server, signed in as nobody. Launching a browser per journey cost seconds each.
 */
export async function newSession(): Promise<Session> {
  shared ??= chromium.connect(inject('browserEndpoint'));
  const browser = await shared;
  const context = await browser.newContext({
    baseURL: inject('serverUrl'),
    viewport: { width: 1280, height: 860 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const session: Session = {
    context,
    page: await context.newPage(),
    async close() {
      if (!open.delete(session)) return;
      await context.close();
    },
  };
  open.add(session);
  return session;
}

/** In a journey's afterAll: closes the windows it left open and lets go of the shared browser. */
export async function closeSessions() {
  for (const session of [...open]) await session.close();
  const connection = shared;
  shared = undefined;
  await (await connection)?.close();
}

/**
 * A new window signed in as a person (one of the demo's, or someone a journey created), on the
 * page signing in lands on. It signs in through the API, as the login form does, without typing
 * it each time; a journey whose subject starts at the login page opens `newSession()` and calls
 * `signIn` instead.
 */
export async function signedInPage(who: DemoPerson | { email: string; password: string }): Promise<Session> {
  const { email, password } = typeof who === 'string' ? { email: demo[who], password: DEMO_PASSWORD } : who;
  const session = await newSession();
  const signedIn = await signInThroughApi(session.context.request, email, password, {
    origin: inject('serverUrl'),
  });
  if (signedIn.status() !== 200) {
    const body = await signedIn.text();
    await session.close();
    throw new Error(`${email} could not sign in: ${signedIn.status()} ${body}`);
  }
  // where signing in lands
  await session.page.goto('/');
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

/**
 * POST /api/auth/sign-in/email, as the login form does. The server allows 20 sign-ins a minute from
 * one address, and every journey signs in from 127.0.0.1: on a 429 this waits the Retry-After the
 * answer names (the limit works as it should) and tries again, a few times.
 */
async function signInThroughApi(
  api: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<APIResponse> {
  for (let attempt = 1; ; attempt++) {
    const answer = await api.post('/api/auth/sign-in/email', { data: { email, password }, headers });
    if (answer.status() !== 429 || attempt === 4) return answer;
    const wait = Number(answer.headers()['x-retry-after'] ?? answer.headers()['retry-after'] ?? 10);
    await new Promise((resolve) => setTimeout(resolve, (Math.min(Math.max(wait, 1), 60) + 1) * 1000));
  }
}

/** Signs in on the login page, as a person types it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  for (let attempt = 1; ; attempt++) {
    await page.goto('/login');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in/email'));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const answer = await answered;
    // over the per-address limit (every journey signs in from 127.0.0.1): the page says to wait a minute
    if (answer.status() === 429 && attempt < 4) {
      await page.getByText(/Te veel pogingen/).waitFor();
      const wait = Number(answer.headers()['x-retry-after'] ?? 10);
      await page.waitForTimeout((Math.min(Math.max(wait, 1), 60) + 1) * 1000);
      continue;
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return;
  }
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
  const signedIn = await signInThroughApi(api, 'admin@demo.achtplus.nl', DEMO_PASSWORD);
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
