import type { Db } from '../db/client';
import { invitations, outboxMessages } from '../db/schema';
import { buildEmployee, buildJob, buildTeam, buildTenant, buildUnit } from './factories';
import { buildResponse, buildSentInvitation } from './survey-factories';

let n = 0;

/**
 * For tests of export and erasure: a tenant with an answered invitation (a response without consent
 * whose comment names them), an open invitation with a draft, a scheduled one, messages to them in
 * several notations (one queued, one failed quoting the address), and a housemate sharing the e-mail
 * address with a message and response of their own, which must stay theirs.
 */
export async function buildTenantWithHistory(db: Db, secret: string) {
  const i = ++n;
  const team = await buildTeam(db);
  const technician = await buildEmployee(db, { teamId: team.id });
  const unit = await buildUnit(db, { street: `Berkenlaan${i}` });
  const email = `fam.jansen${i}@example.invalid`;
  const tenant = await buildTenant(db, {
    unitId: unit.id,
    name: `Karel Jansen${i}`,
    email,
    mobile: '06-12345678',
  });
  const housemate = await buildTenant(db, { unitId: unit.id, name: `Els Pieters${i}`, email, mobile: null });
  const job = (tenantId: number) =>
    buildJob(db, { teamId: team.id, technicianId: technician.id, unitId: unit.id, tenantId });
  const answeredJob = await job(tenant.id);
  const answered = await buildSentInvitation(db, secret, answeredJob, {
    status: 'answered',
    answeredAt: new Date(),
  });
  const response = await buildResponse(db, answeredJob, {
    invitationId: answered.invitation.id,
    consent: false,
    grade: 5,
    comment: `Ik, Karel Jansen${i}, wacht nog steeds.`,
  });
  const openJob = await job(tenant.id);
  const open = await buildSentInvitation(db, secret, openJob, { draftAnswers: { grade: 9 } });
  const scheduledJob = await job(tenant.id);
  const [scheduled] = await db
    .insert(invitations)
    .values({
      jobId: scheduledJob.id,
      tenantId: tenant.id,
      journey: 'repair',
      status: 'scheduled',
      sendAfter: new Date(Date.now() + 3_600_000),
    })
    .returning();
  const housemateJob = await job(housemate.id);
  const housemateInvitation = await buildSentInvitation(db, secret, housemateJob, { status: 'answered' });
  const housemateResponse = await buildResponse(db, housemateJob, {
    invitationId: housemateInvitation.invitation.id,
    consent: true,
    comment: 'Prima geholpen',
  });

  const message = (values: Partial<typeof outboxMessages.$inferInsert>) =>
    db
      .insert(outboxMessages)
      .values({
        channel: 'email',
        kind: 'invitation',
        recipient: email,
        subject: 'Hoe was het?',
        bodyText: 'Beste Karel, …',
        bodyHtml: '<p>Beste Karel</p>',
        status: 'sent',
        ...values,
      })
      .returning()
      .then((rows) => rows[0]!);
  const messages = {
    invitation: await message({ invitationId: answered.invitation.id, recipient: email.toUpperCase() }),
    sms: await message({
      channel: 'sms',
      recipient: '+31 6 1234 5678',
      bodyHtml: null,
      invitationId: open.invitation.id,
    }),
    queued: await message({
      status: 'queued',
      invitationId: open.invitation.id,
      lastError: `550 ${email}: mailbox full`,
    }),
    unlinked: await message({ kind: 'follow_up', recipient: email }),
    housemate: await message({ invitationId: housemateInvitation.invitation.id, bodyText: 'Beste Els, …' }),
    stranger: await message({ recipient: 'iemand.anders@example.invalid' }),
  };
  return {
    tenant,
    housemate,
    unit,
    jobs: { answered: answeredJob, open: openJob, scheduled: scheduledJob },
    invitations: { answered: answered.invitation, open: open.invitation, scheduled: scheduled! },
    openToken: open.token,
    response,
    housemateResponse,
    messages,
  };
}
