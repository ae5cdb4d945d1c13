import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invitations } from '../../db/schema';
import { buildJob, buildTeam, buildUnit } from '../../test/factories';
import { startHarness, type TestHarness } from '../../test/harness';
import { buildSentInvitation, buildSentInvitationForNewJob } from '../../test/survey-factories';
import { openSurvey } from './open-survey';
import { FLUSH_AFTER_MS, FLUSH_AT } from './opened-marks';
import { stopSurveyMachinery } from './survey-machinery';

let h: TestHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());
const marks = () => h.ctx.survey.openedMarks;

const sentInvitation = () => buildSentInvitationForNewJob(h.ctx.db, h.ctx.secret);
const openedAt = async (id: number) =>
  (await h.ctx.db.select().from(invitations).where(eq(invitations.id, id)))[0]!.openedAt;

describe('the first view of a survey page', () => {
  it('is written shortly after the page, with the moment of the view', async () => {
    const { invitation, token } = await sentInvitation();
    const before = Date.now();
    const opened = await openSurvey({ db: h.ctx.db, survey: h.ctx.survey, token });
    expect(opened.state).toBe('open');
    await vi.waitFor(async () => expect(await openedAt(invitation.id)).toBeInstanceOf(Date), {
      timeout: FLUSH_AFTER_MS * 20,
      interval: 20,
    });
    const at = (await openedAt(invitation.id))!.getTime();
    expect(at).toBeGreaterThanOrEqual(before - 5);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('keeps the first moment: a later view and a mark already written change nothing', async () => {
    const { invitation } = await sentInvitation();
    const first = new Date(Date.now() - 60_000);
    marks().mark(invitation.id, first);
    marks().mark(invitation.id, new Date());
    await marks().flush();
    expect((await openedAt(invitation.id))!.getTime()).toBe(first.getTime());
    marks().mark(invitation.id, new Date());
    await marks().flush();
    expect((await openedAt(invitation.id))!.getTime()).toBe(first.getTime());
  });

  it('writes a full batch at once, without waiting for the timer', async () => {
    const { invitation } = await sentInvitation();
    const execute = vi.spyOn(h.ctx.db, 'execute');
    try {
      const at = new Date(Date.now() - 1_000);
      marks().mark(invitation.id, at);
      // unknown ids fill the batch up; the UPDATE finds nothing for them
      for (let i = 1; i < FLUSH_AT - 1; i++) marks().mark(1_000_000_000 + i, at);
      expect(execute).not.toHaveBeenCalled();
      marks().mark(2_000_000_000, at);
      expect(execute).toHaveBeenCalledTimes(1); // the last mark started the write
      await marks().flush();
      expect((await openedAt(invitation.id))!.getTime()).toBe(at.getTime());
    } finally {
      execute.mockRestore();
    }
  });

  it('is written on a normal stop (closeContext stops the machinery before the database)', async () => {
    const other = await startHarness();
    try {
      const team = await buildTeam(other.ctx.db);
      const unit = await buildUnit(other.ctx.db);
      const job = await buildJob(other.ctx.db, { teamId: team.id, unitId: unit.id });
      const { invitation } = await buildSentInvitation(other.ctx.db, other.ctx.secret, job);
      other.ctx.survey.openedMarks.mark(invitation.id);
      await other.app.close();
      await stopSurveyMachinery(other.ctx.survey);
      const [row] = await other.ctx.db.select().from(invitations).where(eq(invitations.id, invitation.id));
      expect(row!.openedAt).toBeInstanceOf(Date);
    } finally {
      await other.close();
    }
  });

  it('is tried again when the write fails, and not lost', async () => {
    const { invitation } = await sentInvitation();
    const execute = vi.spyOn(h.ctx.db, 'execute').mockRejectedValueOnce(new Error('connection lost'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      marks().mark(invitation.id);
      await marks().flush();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('will try again'), 'connection lost');
      expect(await openedAt(invitation.id)).toBeNull();
      await vi.waitFor(async () => expect(await openedAt(invitation.id)).toBeInstanceOf(Date), {
        timeout: FLUSH_AFTER_MS * 20,
        interval: 20,
      });
    } finally {
      execute.mockRestore();
      logged.mockRestore();
    }
  });
});
