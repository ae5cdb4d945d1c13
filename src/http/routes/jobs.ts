import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { jobStatuses, journeys } from '../../db/schema';
import { getJob } from '../../domain/jobs/get-job';
import { jobSorts, listJobs } from '../../domain/jobs/list-jobs';
import { openTenantContact } from '../../domain/jobs/open-tenant-contact';
import { actorOf, forbiddenAs } from '../authenticate';
import { notFound } from '../errors';
import { registerPageRoute } from '../page-route';
import { personalData } from '../personal-data';
import {
  presentJob,
  presentJobDetail,
  presentTenantContact,
  ZJobDetail,
  ZJobItem,
  ZTenantContact,
} from '../presenters/job';
import { ZBusinessDate, ZIdParams, ZOptionalId, ZPageQuery, ZSearchText } from '../presenters/page';

export const ZListJobsQuery = ZPageQuery.extend({
  q: ZSearchText.optional(),
  status: z.enum(jobStatuses).optional(),
  journey: z.enum(journeys).optional(),
  teamId: ZOptionalId,
  technicianId: ZOptionalId,
  contractorId: ZOptionalId,
  completedFrom: ZBusinessDate.optional(),
  completedTo: ZBusinessDate.optional(),
  sort: z.enum(jobSorts).default('-completedAt'),
});

/** Reading jobs; writes live in ingest.ts. Every read is scoped by the policy. */
export async function register(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];

  registerPageRoute(app, ctx, {
    url: '/api/v1/jobs',
    tags,
    querystring: ZListJobsQuery,
    item: ZJobItem,
    list: listJobs,
    present: presentJob,
    personalData: true, // the homes tenants live in, with what was repaired when
  });

  r.get(
    '/api/v1/jobs/:id',
    { config: personalData, schema: { tags, params: ZIdParams, response: { 200: ZJobDetail } } },
    async (request) => {
      const actor = actorOf(request);
      const job = await getJob({ db: ctx.db, actor, id: request.params.id }).catch(forbiddenAs(404));
      if (!job) throw notFound('Job not found');
      return presentJobDetail(job, actor);
    },
  );

  r.get(
    '/api/v1/jobs/:id/tenant-contact',
    {
      config: personalData,
      schema: {
        tags,
        description: 'Contact data of the tenant of a job. Recorded in the audit log; never for contractors.',
        params: ZIdParams,
        response: { 200: ZTenantContact },
      },
    },
    async (request) => {
      const contact = await openTenantContact({
        db: ctx.db,
        actor: actorOf(request),
        jobId: request.params.id,
        ip: request.ip,
      }).catch(forbiddenAs(404));
      if (!contact) throw notFound('Job not found or without tenant');
      return presentTenantContact(contact);
    },
  );
}
