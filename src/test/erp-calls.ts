import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { invitations, jobs } from '../db/schema';
import type { TestHarness } from './harness';

/**
 * What the ERP does in tests, through the real API with a signed-in admin's headers (who may write
 * master data): post a batch (expecting 200), complete a job of a tenant an hour ago, and read what
 * became of the job's invitation.
 */
export function erpCalls(h: TestHarness, headers: Record<string, string>) {
  const post = async (url: string, payload: object) => {
    const res = await h.app.inject({ method: 'POST', url, payload, headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const completedJob = (externalId: string, tenantExternalId: string) =>
    post('/api/v1/jobs', {
      jobs: [
        {
          externalId,
          journey: 'repair',
          status: 'completed',
          completedAt: new Date(Date.now() - 3_600_000).toISOString(),
          tenantExternalId,
        },
      ],
    });
  const invitationOf = async (jobExternalId: string) =>
    (
      await h.ctx.db
        .select({ status: invitations.status, reason: invitations.suppressionReason })
        .from(invitations)
        .innerJoin(jobs, eq(jobs.id, invitations.jobId))
        .where(eq(jobs.externalId, jobExternalId))
    )[0];
  return { post, completedJob, invitationOf };
}
