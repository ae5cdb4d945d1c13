import { z } from 'zod';
import { jobStatuses, journeys, reportingChannels } from '../../db/schema';
import type { getJob } from '../../domain/jobs/get-job';
import type { JobRow } from '../../domain/jobs/list-jobs';
import type { Actor } from '../../policy/actor';
import { jobCan } from '../../policy/object-policies';
import { may } from '../../policy/policy';
import { iso, refOrNull, ZRef } from './page';

// a job's tenant contact (GET /jobs/:id/tenant-contact) is the tenant list's contact data
export { presentTenantContact, ZTenantContact } from './tenant';

const ZTimestamp = z.string().nullable();

export const ZJobItem = z.object({
  id: z.number().int(),
  externalId: z.string(),
  journey: z.enum(journeys),
  trade: z.string().nullable(),
  status: z.enum(jobStatuses),
  unit: z
    .object({
      id: z.number().int(),
      street: z.string(),
      houseNumber: z.string(),
      postcode: z.string(),
      city: z.string(),
    })
    .nullable(),
  team: ZRef.nullable(),
  technician: ZRef.nullable(),
  contractor: ZRef.nullable(),
  reportedAt: ZTimestamp,
  appointmentAt: ZTimestamp,
  completedAt: ZTimestamp,
});

export const ZJobDetail = ZJobItem.extend({
  description: z.string().nullable(),
  reportingChannel: z.enum(reportingChannels).nullable(),
  cancelledAt: ZTimestamp,
  department: ZRef.nullable(),
  tenant: z
    .union([ZRef, z.object({ anonymous: z.literal(true) })])
    .nullable()
    .describe('{anonymous: true} once the tenant answered the survey without consenting to be named'),
  can: z
    .object({ readTenantContact: z.boolean(), readSurvey: z.boolean() })
    .describe('what the reader may do with this job now'),
});

export function presentJob(j: JobRow): z.infer<typeof ZJobItem> {
  const u = j.unit;
  return {
    id: j.id,
    externalId: j.externalId,
    journey: j.journey,
    trade: j.trade,
    status: j.status,
    unit:
      u && u.id !== null
        ? {
            id: u.id,
            street: u.street ?? '',
            houseNumber: u.houseNumber ?? '',
            postcode: u.postcode ?? '',
            city: u.city ?? '',
          }
        : null,
    team: refOrNull(j.team),
    technician: refOrNull(j.technician),
    contractor: refOrNull(j.contractor),
    reportedAt: iso(j.reportedAt),
    appointmentAt: iso(j.appointmentAt),
    completedAt: iso(j.completedAt),
  };
}

/**
 * The tenant's name only reaches those who may see tenant contact data — never a contractor — and
 * nobody once the tenant answered anonymously.
 */
export function presentJobDetail(
  j: NonNullable<Awaited<ReturnType<typeof getJob>>>,
  actor: Actor,
): z.infer<typeof ZJobDetail> {
  return {
    ...presentJob(j),
    description: j.description,
    reportingChannel: j.reportingChannel,
    cancelledAt: iso(j.cancelledAt),
    department: refOrNull(j.department),
    tenant:
      !may(actor, 'tenant-contact.read') || !j.tenant
        ? null
        : 'anonymous' in j.tenant
          ? j.tenant
          : refOrNull(j.tenant),
    can: jobCan(actor, { hasTenant: !!j.tenant, answeredAnonymously: !!j.tenant && 'anonymous' in j.tenant }),
  };
}
