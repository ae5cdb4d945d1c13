import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, outboxStatuses, userRoles } from '../../db/schema';
import { claimMessages } from '../../domain/messages/claims';
import { signedInAs, startHarness, type TestHarness } from '../../test/harness';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
  for (const status of outboxStatuses) {
    await h.ctx.db.insert(outboxMessages).values({
      channel: 'email',
      kind: 'invitation',
      recipient: `${status}@huurder.invalid`,
      subject: 'Hoe was de reparatie?',
      bodyText: 'Geef een cijfer',
      status,
    });
  }
});
afterAll(async () => h?.close());
const read = (cookie: string, query = '') =>
  h.app.inject({ method: 'GET', url: `/api/v1/outbox${query}`, headers: { cookie } });

describe('GET /api/v1/outbox', () => {
  it('answers 401 without credentials', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/outbox' })).statusCode).toBe(401);
  });

  it.each(userRoles.filter((r) => r !== 'admin' && r !== 'quality'))('refuses a %s', async (role) => {
    const { cookie } = await signedInAs(h, role);
    expect((await read(cookie)).statusCode).toBe(403);
  });

  it.each(outboxStatuses)('shows messages with status %s as stored, filterable', async (status) => {
    const { cookie } = await signedInAs(h, 'quality');
    const res = await read(cookie, `?status=${status}`);
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({
      status,
      recipient: `${status}@huurder.invalid`,
      bodyText: 'Geef een cijfer',
      bodyHidden: false,
    });
  });

  it('shows a queued message a live worker holds as sending, and as queued again once its claim lapsed', async () => {
    const { cookie } = await signedInAs(h, 'quality');
    const [held] = await h.ctx.db
      .insert(outboxMessages)
      .values({
        channel: 'sms',
        kind: 'invitation',
        recipient: '0612345678',
        bodyText: 'Cijfer?',
        status: 'queued',
      })
      .returning();
    const claim = await claimMessages({ db: h.ctx.db, messages: [{ outboxId: held!.id, maxAttempts: 6 }] });
    expect(claim.ids).toEqual([held!.id]);
    const sending = (await read(cookie, '?status=sending')).json();
    expect(sending.items).toEqual([
      expect.objectContaining({ id: held!.id, status: 'sending', sendingSince: expect.any(String) }),
    ]);
    expect(
      (await read(cookie, '?status=queued')).json().items.map((m: { id: number }) => m.id),
    ).not.toContain(held!.id);
    // its worker died: the claim lapses, and the message is plainly queued again (the sweep takes it over)
    await h.ctx.db
      .update(outboxMessages)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(outboxMessages.id, held!.id));
    expect((await read(cookie, '?status=sending')).json().total).toBe(0);
    expect((await read(cookie, '?status=queued')).json().items).toContainEqual(
      expect.objectContaining({ id: held!.id, status: 'queued', sendingSince: null }),
    );
    expect((await read(cookie)).json().items[0]).not.toHaveProperty('claimToken');
    await h.ctx.db.delete(outboxMessages).where(eq(outboxMessages.id, held!.id));
  });

  it('puts a magic link in the outbox as not sent; only admins see its body', async () => {
    const { email } = await signedInAs(h, 'employee');
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/magic-link',
      headers: { origin: 'http://localhost:3000' },
      payload: { email, callbackURL: '/' },
    });
    expect(res.statusCode).toBe(200);
    const admin = await signedInAs(h, 'admin');
    const quality = await signedInAs(h, 'quality');
    const forAdmin = (
      await read(admin.cookie, `?kind=magic_link&recipient=${encodeURIComponent(email)}`)
    ).json();
    expect(forAdmin.items).toHaveLength(1);
    expect(forAdmin.items[0]).toMatchObject({ status: 'not_sent', sentAt: null, bodyHidden: false });
    expect(forAdmin.items[0].bodyText).toContain('/api/auth/magic-link/verify?token=');
    const forQuality = (await read(quality.cookie, '?kind=magic_link')).json();
    expect(forQuality.items[0]).toMatchObject({ bodyText: null, bodyHidden: true });
    expect(JSON.stringify(forQuality)).not.toContain('token=');
  });

  it('answers 400 naming the field for an unknown status', async () => {
    const { cookie } = await signedInAs(h, 'admin');
    const res = await read(cookie, '?status=delivered');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].field).toBe('querystring.status');
  });
});
