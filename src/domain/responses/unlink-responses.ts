import { type AnyColumn, and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { domainEvents, invitations, jobs, responseAnswers, responses, tenants, units } from '../../db/schema';
import { startOfBusinessDay } from '../business-time/business-time';
import { asJson, rowsOf, type Tx } from '../ingest/upsert-sql';
import { ERASED_TENANT_NAME } from '../tenants/erased-tenant';
import { scrubPersonalData } from './scrub-personal-data';

/** The start of the moment's business day: keeps figures per day, week and month, not the minute. */
const dayOf = (column: AnyColumn) => startOfBusinessDay(column);

/** Keys a domain event may carry that lead back to the job, the home or the tenant. */
const LINKING_EVENT_KEYS = ['jobId', 'invitationId', 'tenantId', 'unitId', 'jobExternalId'];

/**
 * Cuts every link between these responses and the tenant, inside the caller's transaction: the
 * tenant's name, contact data and street are taken out of their free-text answers; the response
 * loses tenant, invitation, job and home, and its job's completion keeps only the day; the invitation
 * loses tenant, token and draft, and its answered/opened moments keep only the day (an exact
 * timestamp equal to the response's would join them again). Grades, answers and the attribution
 * to journey, department, team, technician, contractor, trade and complex stay. Rows already
 * unlinked are left alone, so running it again changes nothing. Returns how many it unlinked.
 */
export async function unlinkResponses(tx: Tx, responseIds: number[]): Promise<number> {
  if (!responseIds.length) return 0;
  await scrubComments(tx, responseIds);
  await tx
    .update(domainEvents)
    .set({ payload: sql`${domainEvents.payload} - ${sql.raw(`array['${LINKING_EVENT_KEYS.join("','")}']`)}` })
    .where(
      and(eq(domainEvents.subjectType, 'response'), inArray(domainEvents.subjectId, responseIds.map(String))),
    );
  const linked = and(inArray(responses.id, responseIds), isNull(responses.unlinkedAt));
  const invitationIds = tx
    .select({ id: responses.invitationId })
    .from(responses)
    .where(and(linked, isNotNull(responses.invitationId)));
  await tx
    .update(invitations)
    .set({
      ...UNLINKED_INVITATION,
      answeredAt: dayOf(invitations.answeredAt),
      openedAt: dayOf(invitations.openedAt),
    })
    .where(inArray(invitations.id, invitationIds));
  const done = await tx
    .update(responses)
    .set({
      tenantId: null,
      invitationId: null,
      jobId: null,
      unitId: null,
      completedAt: dayOf(responses.completedAt),
      unlinkedAt: sql`now()`,
    })
    .where(linked)
    .returning({ id: responses.id });
  return done.length;
}

/** What an invitation keeps of the tenant once unlinked: nothing (its job stays, for response rates). */
export const UNLINKED_INVITATION = {
  tenantId: null,
  tokenHash: null,
  tokenNonce: null,
  draftAnswers: null,
  draftSavedAt: null,
} as const;

async function scrubComments(tx: Tx, responseIds: number[]) {
  const texts = await tx
    .select({
      id: responseAnswers.id,
      text: responseAnswers.textValue,
      name: tenants.name,
      email: tenants.email,
      mobile: tenants.mobile,
      street: units.street,
    })
    .from(responseAnswers)
    .innerJoin(responses, eq(responses.id, responseAnswers.responseId))
    .leftJoin(invitations, eq(invitations.id, responses.invitationId))
    .leftJoin(jobs, eq(jobs.id, responses.jobId))
    .leftJoin(
      tenants,
      eq(tenants.id, sql`coalesce(${responses.tenantId}, ${invitations.tenantId}, ${jobs.tenantId})`),
    )
    .leftJoin(units, eq(units.id, sql`coalesce(${responses.unitId}, ${jobs.unitId})`))
    .where(
      and(
        inArray(responseAnswers.responseId, responseIds),
        isNull(responses.unlinkedAt),
        isNotNull(responseAnswers.textValue),
      ),
    );
  const changed = texts
    .map((t) => ({
      id: t.id,
      text: scrubPersonalData(t.text!, { ...t, name: t.name === ERASED_TENANT_NAME ? null : t.name }),
      before: t.text,
    }))
    .filter((t) => t.text !== t.before)
    .map(({ id, text }) => ({ id, text }));
  if (!changed.length) return;
  await rowsOf(
    tx,
    sql`UPDATE response_answers a SET text_value = v.text
        FROM json_to_recordset(${asJson(changed)}::json) AS v(id bigint, text text) WHERE a.id = v.id`,
  );
}
