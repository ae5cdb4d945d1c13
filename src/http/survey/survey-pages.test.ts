import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, invitations, organisation, responses, tenants } from '../../db/schema';
import { KEEP_MS } from '../../domain/responses/survey-branding';
import { buildJob, buildTeam, buildTenant, buildUnit } from '../../test/factories';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation } from '../../test/survey-factories';
import { SURVEY_JS_PATH } from './assets';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
  await h.ctx.db.insert(organisation).values({
    name: 'Woon<script>x</script>stichting',
    senderName: 'W',
    senderEmail: 'w@example.invalid',
    primaryColor: '#7fb3e0',
  });
});
afterAll(async () => h?.close());

// every test its own client address, so the rate limit (60 a minute per address) stays out of the way
let client = 0;
const address = () => `10.1.${Math.floor(client / 200)}.${(client++ % 200) + 1}`;
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};
const get = (url: string, headers: Record<string, string> = {}) =>
  h.app.inject({ method: 'GET', url, remoteAddress: address(), headers });
const post = (url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url,
    remoteAddress: address(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form(fields),
  });

async function survey(overrides: Partial<typeof invitations.$inferInsert> = {}) {
  const team = await buildTeam(h.ctx.db);
  const unit = await buildUnit(h.ctx.db);
  const tenant = await buildTenant(h.ctx.db, { unitId: unit.id });
  const job = await buildJob(h.ctx.db, { teamId: team.id, unitId: unit.id, tenantId: tenant.id });
  const { invitation, token } = await buildSentInvitation(h.ctx.db, h.ctx.secret, job, overrides);
  return { invitation, token, tenant, path: `/s/${token}` };
}
const invitationRow = async (id: number) =>
  (await h.ctx.db.select().from(invitations).where(eq(invitations.id, id)))[0]!;
const responseCount = async (invitationId: number) =>
  (await h.ctx.db.select().from(responses).where(eq(responses.invitationId, invitationId))).length;

describe('the tenant page', () => {
  it('shows every question with labelled radio groups, escaped branding, in Dutch, not cached', async () => {
    const { invitation, path } = await survey();
    const res = await get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('<html lang="nl">');
    expect(res.body).toContain('Woon&lt;script&gt;x&lt;/script&gt;stichting');
    expect(res.body).not.toContain('<script>x');
    expect(res.body).toContain('<legend>Welk rapportcijfer geeft u voor de reparatie als geheel?');
    for (let n = 1; n <= 10; n++) expect(res.body).toContain(`name="grade" value="${n}" id="q-grade-${n}"`);
    expect(res.body).toContain('name="nps" value="0"');
    // the chosen light blue fails AA on white: a darker shade of it is used
    expect(res.body).not.toContain('--p:#7fb3e0');
    expect(res.body).toContain('Ik wil geen enquêtes meer ontvangen');
    expect(res.body).toMatch(/data-key="what_went_wrong"[^>]*hidden/);
    // the first view is written in a batch right after the page (opened-marks.ts)
    await h.ctx.survey.openedMarks.flush();
    expect((await invitationRow(invitation.id)).openedAt).toBeInstanceOf(Date);
  });

  it('speaks English on request and remembers it on the invitation', async () => {
    const { invitation, path } = await survey();
    expect((await get(`${path}?lang=en`)).body).toContain('What grade (1 to 10)');
    expect((await invitationRow(invitation.id)).locale).toBe('en');
    const again = await get(path);
    expect(again.body).toContain('<html lang="en">');
    expect(again.body).toContain('href="/s/');
  });

  it('saves answers as the tenant goes and shows them again, escaped, with the follow-up question', async () => {
    const { invitation, path } = await survey();
    const saved = await post(path, { action: 'save', grade: '4', comment: '<script>alert(1)</script>' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${path}?saved=1`);
    expect((await invitationRow(invitation.id)).draftAnswers).toEqual({
      grade: 4,
      comment: '<script>alert(1)</script>',
    });
    const page = await get(saved.headers.location as string);
    expect(page.body).toContain('id="q-grade-4" checked');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toMatch(/data-key="what_went_wrong"[^>]*hidden/);
    expect(page.body).toContain('Uw antwoorden zijn bewaard');
  });

  it('saves through the script as JSON, and refuses bad answers there naming the question', async () => {
    const { invitation, path } = await survey();
    const json = (payload: unknown) =>
      h.app.inject({
        method: 'POST',
        url: `${path}/draft`,
        remoteAddress: address(),
        payload: payload as object,
      });
    const ok = await json({ answers: { grade: '7', nps: 9 } });
    expect(ok.statusCode).toBe(200);
    expect((await invitationRow(invitation.id)).draftAnswers).toEqual({ grade: 7, nps: 9 });
    const bad = await json({ answers: { grade: 12 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      { field: 'answers.grade', message: 'must be a whole number from 1 to 10' },
    ]);
    expect((await json({ nope: 1 })).statusCode).toBe(400);
    expect((await invitationRow(invitation.id)).draftAnswers).toEqual({ grade: 7, nps: 9 });
  });

  it('submits once (post/redirect/get), then thanks and shows what was answered; a replay stores nothing more', async () => {
    const { invitation, path } = await survey();
    const fields = {
      action: 'submit',
      grade: '8',
      nps: '9',
      comment: 'Netjes <b>gedaan</b>',
      _shown: ['grade', 'nps'],
    };
    const res = await post(path, fields);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(path);
    expect(await responseCount(invitation.id)).toBe(1);
    const thanks = await get(path);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Bedankt voor uw reactie!');
    expect(thanks.body).toContain('Netjes &lt;b&gt;gedaan&lt;/b&gt;');
    expect(thanks.body).not.toContain('<form id="survey"');
    const replay = await post(path, fields);
    expect(replay.statusCode).toBe(303);
    expect(await responseCount(invitation.id)).toBe(1);
  });

  it('stores one response for two submissions at the same moment', async () => {
    const { invitation, path } = await survey();
    const both = await Promise.all([
      post(path, { action: 'submit', grade: '6' }),
      post(path, { action: 'submit', grade: '7' }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([303, 303]);
    expect(await responseCount(invitation.id)).toBe(1);
  });

  it('asks the follow-up first when a page without script did not show it', async () => {
    const { invitation, path } = await survey();
    const res = await post(path, { action: 'submit', grade: '3', _shown: ['grade', 'nps'] });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Er is een vraag bijgekomen');
    expect(res.body).not.toMatch(/data-key="what_went_wrong"[^>]*hidden/);
    expect(await responseCount(invitation.id)).toBe(0);
  });

  const badInput: Array<[string, Record<string, string | string[]>, string]> = [
    ['an unknown question', { grade: '8', secret_field: 'x' }, 'secret_field'],
    ['a grade out of range', { grade: '11' }, 'Kies een getal van 1 tot en met 10.'],
    ['a grade that is not a number', { grade: 'acht' }, 'Kies een getal van 1 tot en met 10.'],
    ['two grades', { grade: ['8', '9'] }, 'Kies een getal van 1 tot en met 10.'],
    ['a statement out of range', { grade: '8', on_time: '6' }, 'Kies een getal van 1 tot en met 5.'],
    ['consent that is not yes or no', { grade: '8', consent: 'misschien' }, 'Kies ja of nee.'],
    ['a comment over 5000 characters', { grade: '8', comment: 'a'.repeat(5001) }, 'De tekst is te lang'],
    ['a NUL character', { grade: '8', comment: 'a\u0000b' }, 'De tekst bevat een teken'],
    [
      'a follow-up its condition does not ask',
      { grade: '9', what_went_wrong: 'x' },
      'hoort niet bij uw eerdere antwoord',
    ],
    ['no grade at all', { nps: '8' }, 'Kies een antwoord.'],
  ];
  it.each(badInput)(
    'refuses %s with 400 naming the question and stores nothing',
    async (_name, fields, message) => {
      const { invitation, path } = await survey();
      for (const action of ['submit', 'save']) {
        if (action === 'save' && (message === 'Kies een antwoord.' || message.includes('eerdere antwoord')))
          continue;
        const res = await post(path, { action, ...fields });
        expect(res.statusCode, action).toBe(400);
        expect(res.body).toContain('Er is iets niet goed ingevuld');
        expect(res.body).toContain(message);
        expect(res.body).toMatch(/<li>(<a href="#q-[a-z_]+(-[a-z0-9]+)?">[^<]+<\/a>|secret_field):/);
      }
      expect(await responseCount(invitation.id)).toBe(0);
      expect((await invitationRow(invitation.id)).draftAnswers).toBeNull();
    },
  );

  it('refuses a post without a button, a foreign origin, and a huge body with a friendly page', async () => {
    const { invitation, path } = await survey();
    expect((await post(path, { grade: '8' })).statusCode).toBe(400);
    const foreign = await post(path, { action: 'submit', grade: '8' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).toContain('<html lang="nl">');
    const huge = await post(path, { action: 'save', comment: 'x'.repeat(70 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Te veel tekst');
    expect(await responseCount(invitation.id)).toBe(0);
    // our own pages post with Origin: null (no-referrer) or the public address
    expect((await post(path, { action: 'save', grade: '8' }, { origin: 'null' })).statusCode).toBe(303);
    expect(
      (await post(path, { action: 'save', grade: '8' }, { origin: 'http://localhost:3000' })).statusCode,
    ).toBe(303);
  });

  it('shows the same page for an unknown, a malformed and an expired link', async () => {
    const expired = await survey({ expiresAt: new Date(Date.now() - 60_000) });
    const markedExpired = await survey({ status: 'expired' });
    const pages = await Promise.all(
      [`/s/${'x'.repeat(32)}`, '/s/not-a-token', expired.path, markedExpired.path].map((url) => get(url)),
    );
    expect(pages.map((p) => p.statusCode)).toEqual([404, 404, 404, 404]);
    expect(new Set(pages.map((p) => p.body)).size).toBe(1);
    expect(pages[0]!.body).toContain('Deze link werkt niet (meer)');
    expect((await post(expired.path, { action: 'submit', grade: '8' })).statusCode).toBe(404);
    expect(await responseCount(expired.invitation.id)).toBe(0);
  });

  it("carries the app's security headers, on every view and on refusals alike", async () => {
    const { path } = await survey();
    const reference = (await get('/healthz')).headers;
    const generic = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
    const security = Object.keys(reference).filter((name) => !generic.has(name));
    expect(security).toEqual(expect.arrayContaining(['content-security-policy', 'x-frame-options']));
    expect(reference['content-security-policy']).toContain("script-src 'self'");
    for (const res of [await get(path), await get(path), await get('/s/not-a-token')])
      for (const name of security) expect([name, res.headers[name]]).toEqual([name, reference[name]]);
  });

  it('keeps the first view within 30 KB, everything included', async () => {
    const { path } = await survey();
    const page = await get(path);
    const script = await get(SURVEY_JS_PATH);
    expect(script.statusCode).toBe(200);
    expect(script.headers['cache-control']).toContain('immutable');
    const headerBytes = (r: typeof page) =>
      Object.entries(r.headers).reduce((sum, [k, v]) => sum + k.length + String(v).length + 4, 0);
    const total = page.rawPayload.length + script.rawPayload.length + headerBytes(page) + headerBytes(script);
    console.log(
      `survey first view: page ${page.rawPayload.length} B, script ${script.rawPayload.length} B, total ${total} B`,
    );
    expect(total).toBeLessThanOrEqual(30 * 1024);
  });
});

describe('unsubscribing', () => {
  it('works from the page: a confirmation, then opted out at once, audited without an actor', async () => {
    const { tenant, path } = await survey();
    const confirm = await get(`${path}/unsubscribe`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`action="${path}/unsubscribe"`);
    const done = await post(`${path}/unsubscribe`, {});
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('U bent afgemeld');
    const [row] = await h.ctx.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(row).toMatchObject({ optedOut: true });
    expect(row!.optedOutAt).toBeInstanceOf(Date);
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tenant.opted_out'), eq(auditLog.subjectId, String(tenant.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: null, actorApiKeyId: null, subjectType: 'tenant' });
  });

  it("works with the e-mail's one-click post, for an expired link too", async () => {
    const { tenant, path } = await survey({ status: 'expired' });
    const res = await post(`${path}/unsubscribe`, { 'List-Unsubscribe': 'One-Click' });
    expect(res.statusCode).toBe(200);
    const [row] = await h.ctx.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(row!.optedOut).toBe(true);
    expect((await post(`/s/${'y'.repeat(32)}/unsubscribe`, {})).statusCode).toBe(404);
  });
});

describe('limits', () => {
  it('answers 429 with a friendly page after 60 requests a minute from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++)
      statuses.push(
        (await h.app.inject({ method: 'GET', url: '/s/not-a-token', remoteAddress: '10.9.9.9' })).statusCode,
      );
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const last = await h.app.inject({ method: 'GET', url: '/s/not-a-token', remoteAddress: '10.9.9.9' });
    expect(last.statusCode).toBe(429);
    expect(last.body).toContain('Even geduld');
    expect(last.headers['retry-after']).toBe('60');
    expect((await get('/s/not-a-token')).statusCode).toBe(404);
  });
});

describe('the preview for the questionnaire editor', () => {
  it('shows the tenant page with a banner and no working submit to staff who may read questionnaires', async () => {
    const { invitation } = await survey();
    const url = `/s/preview/${invitation.questionnaireVersionId}`;
    expect((await get(url)).statusCode).toBe(401);
    const technician = await signedInAs(h, 'employee');
    expect((await get(url, { cookie: technician.cookie })).statusCode).toBe(403);
    const { cookie } = await signedInAs(h, 'quality');
    const page = await get(`${url}?lang=en`, { cookie });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Preview — answers are not saved');
    expect(page.body).toContain('What grade (1 to 10)');
    expect(page.body).not.toContain('type="submit"');
    expect((await get('/s/preview/999999', { cookie })).statusCode).toBe(404);
  });
});

describe("the corporation's branding on the page", () => {
  const settings = {
    name: 'Nieuwe Naam Wonen',
    logoUrl: null,
    primaryColor: '#225533',
    accentColor: '#f28c28',
    senderName: 'W',
    senderEmail: 'w@example.invalid',
    timeZone: 'Europe/Amsterdam',
  };
  afterAll(async () => {
    await h.ctx.db
      .update(organisation)
      .set({ name: 'Woon<script>x</script>stichting', primaryColor: '#7fb3e0' });
  });

  it('changes as soon as an admin saves new settings', async () => {
    const { path } = await survey();
    expect((await get(path)).body).toContain('Woon&lt;script&gt;x&lt;/script&gt;stichting');
    const { cookie } = await signedInAs(h, 'admin');
    const saved = await h.app.inject({
      method: 'PUT',
      url: '/api/v1/organisation',
      headers: { cookie, origin: 'http://localhost:3000' },
      payload: settings,
    });
    expect(saved.statusCode).toBe(200);
    const page = (await get(path)).body;
    expect(page).toContain('<span class="org">Nieuwe Naam Wonen</span>');
    expect(page).toContain('--p:#225533');
  });

  it('is kept for half a minute when it changed elsewhere (another process on the same database)', async () => {
    const { path } = await survey();
    await get(path);
    await h.ctx.db.update(organisation).set({ name: 'Elders Gewijzigd' });
    expect((await get(path)).body).not.toContain('Elders Gewijzigd');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + KEEP_MS + 1 });
    try {
      expect((await get(path)).body).toContain('<span class="org">Elders Gewijzigd</span>');
    } finally {
      vi.useRealTimers();
    }
  });
});
