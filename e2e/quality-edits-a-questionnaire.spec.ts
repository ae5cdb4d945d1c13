import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSessions, type Session, screenshot, signedInPage } from './browser';
import { type RunningServer, sharedServer } from './server';

interface Item {
  id: number;
  journey: string;
  publishedVersion: number | null;
  draftVersion: number | null;
}

const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
async function noViolations(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, `questionnaire-${name}`);
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(
    result.violations.map(
      (v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    ),
    `axe violations on ${name}`,
  ).toEqual([]);
}

describe('the quality officer edits a questionnaire and the survey settings', () => {
  let server: RunningServer;
  let session: Session;
  let page: Page;

  beforeAll(async () => {
    server = await sharedServer();
  });
  afterAll(async () => {
    await closeSessions();
    await server?.stop();
  });

  const vacancy = async () => {
    const list = (await (await page.request.get('/api/v1/questionnaires')).json()) as { items: Item[] };
    return list.items.find((q) => q.journey === 'vacancy') as Item;
  };
  const cards = () => page.locator('main fieldset[data-question-key]');

  it('adds a choice question to a draft, sees the server’s complaint on it, and publishes', async () => {
    session = await signedInPage('quality');
    page = session.page;
    const before = await vacancy();
    await page
      .getByRole('navigation', { name: 'Enquêtes' })
      .getByRole('link', { name: 'Vragenlijsten' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijsten' }).waitFor();
    await noViolations(page, 'list');
    await page.getByRole('link', { name: 'Mutatieonderhoud' }).click();
    await page.getByRole('button', { name: 'Concept starten' }).click();
    await page.getByRole('button', { name: 'Concept opslaan' }).waitFor();
    const count = await cards().count();

    // a choice question goes before the consent question, which stays last
    await page.getByRole('combobox', { name: 'Soort nieuwe vraag' }).click();
    await page.getByRole('option', { name: 'Keuzevraag' }).click();
    await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
    expect(await cards().count()).toBe(count + 1);
    const added = cards().nth(count - 1);
    await added.getByLabel('Tekst (Nederlands)', { exact: true }).fill('Hoe kreeg u de sleutels?');
    await added.getByLabel('Tekst (Engels)', { exact: true }).fill('How did you get the keys?');
    expect(await added.getByLabel('Sleutel').inputValue()).toBe('hoe_kreeg_u_de_sleutels');
    await added.getByLabel('Antwoord 1: Tekst (Nederlands)').fill('Op kantoor');
    await added.getByLabel('Antwoord 1: Tekst (Engels)').fill('At the office');
    await added.getByLabel('Antwoord 2: Tekst (Nederlands)').fill('Bij de woning');

    // the English text of the second option is missing: the server names it, the editor shows it there
    const refused = page.waitForResponse((r) => r.url().endsWith('/draft') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    expect((await refused).status()).toBe(400);
    const missing = added.getByLabel('Antwoord 2: Tekst (Engels)');
    await expect.poll(() => missing.getAttribute('aria-invalid')).toBe('true');
    await noViolations(page, 'editor-with-problem');
    await missing.fill('At the home');

    // reorder with the keyboard-reachable buttons; the focus stays on the moved question
    await added.getByRole('button', { name: `Vraag ${count} omhoog` }).click();
    expect(
      await cards()
        .nth(count - 2)
        .getAttribute('data-question-key'),
    ).toBe('hoe_kreeg_u_de_sleutels');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      `Vraag ${count - 1} omhoog`,
    );
    const saved = page.waitForResponse((r) => r.url().endsWith('/draft') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    expect((await saved).status()).toBe(200);

    // the preview is the tenant page of this draft, in a new tab
    const preview = page.getByRole('link', { name: 'Voorbeeld (opent in een nieuw tabblad)' });
    expect(await preview.getAttribute('target')).toBe('_blank');
    const href = (await preview.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/s\/preview\/\d+\?lang=nl$/);
    expect(await (await page.request.get(href)).text()).toContain('Hoe kreeg u de sleutels?');

    await page.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Antwoorden die al gegeven zijn houden hun eigen versie');
    await noViolations(page, 'publish-confirmation');
    await dialog.getByRole('button', { name: 'Ja, publiceren' }).click();
    await page.getByRole('button', { name: 'Concept starten' }).waitFor();

    const after = await vacancy();
    expect(after.publishedVersion).toBe((before.draftVersion ?? before.publishedVersion ?? 0) + 1);
    expect(after.draftVersion).toBeNull();
    const published = (await (
      await page.request.get(`/api/v1/questionnaires/${after.id}/versions/${after.publishedVersion}`)
    ).json()) as { definition: { questions: Array<{ key: string; type: string }> } };
    const keys = published.definition.questions.map((q) => q.key);
    expect(keys.at(-1)).toBe('consent');
    expect(keys.at(-3)).toBe('hoe_kreeg_u_de_sleutels');
    await noViolations(page, 'published');
  });

  it('changes a journey’s survey settings, with the server’s complaint beside the field', async () => {
    await page
      .getByRole('navigation', { name: 'Enquêtes' })
      .getByRole('link', { name: 'Enquête-instellingen' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Enquête-instellingen' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('21:00 en 08:00');
    const form = page.locator('form').filter({ hasText: 'Mutatieonderhoud opslaan' });
    await form.getByLabel('Uren', { exact: true }).fill('3');
    await form.getByLabel('Minuten', { exact: true }).fill('30');
    await form.getByLabel('Herinnering na (dagen)', { exact: true }).fill('20');
    await form.getByLabel('Link verloopt na (dagen)', { exact: true }).fill('14');
    const refused = page.waitForResponse((r) => r.url().endsWith('/survey-settings/vacancy'));
    await form.getByRole('button', { name: 'Mutatieonderhoud opslaan' }).click();
    expect((await refused).status()).toBe(400);
    await expect
      .poll(() => form.getByLabel('Herinnering na (dagen)', { exact: true }).getAttribute('aria-invalid'))
      .toBe('true');
    await noViolations(page, 'settings-with-problem');

    await form.getByLabel('Herinnering na (dagen)', { exact: true }).fill('4');
    const saved = page.waitForResponse((r) => r.url().endsWith('/survey-settings/vacancy'));
    await form.getByRole('button', { name: 'Mutatieonderhoud opslaan' }).click();
    expect((await saved).status()).toBe(200);
    const settings = (await (await page.request.get('/api/v1/survey-settings')).json()) as {
      items: Array<{ journey: string; delayMinutes: number; reminderDays: number }>;
    };
    expect(settings.items.find((s) => s.journey === 'vacancy')).toMatchObject({
      delayMinutes: 210,
      reminderDays: 4,
    });
  });

  it('shows a team leader the questionnaire without ways to change it', async () => {
    await session?.close();
    session = await signedInPage('teamLeader');
    page = session.page;
    const menu = page.getByRole('navigation', { name: 'Enquêtes' });
    await menu.getByRole('link', { name: 'Vragenlijsten' }).click();
    expect(await menu.getByRole('link', { name: 'Enquête-instellingen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Mutatieonderhoud' }).click();
    await page.getByText('Hoe kreeg u de sleutels?').waitFor();
    expect(await page.getByRole('button', { name: 'Concept starten' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publiceren' }).count()).toBe(0);
    await noViolations(page, 'read-only');
  });
});
