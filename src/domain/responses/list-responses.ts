import { and, count, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type Journey, responseAnswers, responses, units } from '../../db/schema';
import { offsetOf, type PageRequest } from '../../lib/search-pattern';
import type { Actor } from '../../policy/actor';
import { authorize } from '../../policy/policy';
import { responseScope } from '../../policy/scope';
import { onBusinessDates } from '../business-time/business-time';
import { selectResponses, withAnswers } from './response-details';

export interface ResponseFilters {
  /** business dates (Europe/Amsterdam) of submission, both inclusive */
  from?: string;
  to?: string;
  journey?: Journey;
  departmentId?: number;
  teamId?: number;
  technicianId?: number;
  contractorId?: number;
  trade?: string;
  minGrade?: number;
  maxGrade?: number;
  /** true: only responses with a written comment; false: only those without */
  hasComment?: boolean;
  /** the home's complex and city (the dashboards narrow to them) */
  complexId?: number;
  city?: string;
}

export interface ListResponsesOptions extends PageRequest, ResponseFilters {
  db: Db;
  actor: Actor;
}

/**
 * Responses the actor may read (responseScope: a technician only their own, a contractor only its
 * jobs'), newest first, filtered on the attribution copied onto them, with their answers.
 */
export async function listResponses({ db, actor, page, pageSize, ...filters }: ListResponsesOptions) {
  authorize(actor, 'response.read');
  const where = and(responseScope(actor), ...responseConditions(filters));
  const [rows, [total]] = await Promise.all([
    selectResponses(db, actor)
      .where(where)
      .orderBy(desc(responses.submittedAt), desc(responses.id))
      .limit(pageSize)
      .offset(offsetOf({ page, pageSize })),
    db.select({ n: count() }).from(responses).where(where),
  ]);
  return { rows: await withAnswers(db, rows), total: total?.n ?? 0 };
}

const hasWrittenComment = sql`exists (select 1 from ${responseAnswers} where ${responseAnswers.responseId} = ${responses.id} and ${responseAnswers.questionType} = 'comment' and btrim(${responseAnswers.textValue}) <> '')`;

export function responseConditions(f: ResponseFilters): (SQL | undefined)[] {
  return [
    onBusinessDates(responses.submittedAt, f.from, f.to),
    f.journey ? eq(responses.journey, f.journey) : undefined,
    f.departmentId ? eq(responses.departmentId, f.departmentId) : undefined,
    f.teamId ? eq(responses.teamId, f.teamId) : undefined,
    f.technicianId ? eq(responses.technicianId, f.technicianId) : undefined,
    f.contractorId ? eq(responses.contractorId, f.contractorId) : undefined,
    f.trade ? eq(responses.trade, f.trade) : undefined,
    f.minGrade !== undefined ? gte(responses.grade, f.minGrade) : undefined,
    f.maxGrade !== undefined ? lte(responses.grade, f.maxGrade) : undefined,
    f.hasComment === undefined ? undefined : f.hasComment ? hasWrittenComment : sql`not ${hasWrittenComment}`,
    f.complexId ? eq(responses.complexId, f.complexId) : undefined,
    f.city
      ? sql`exists (select 1 from ${units} where ${units.id} = ${responses.unitId} and ${units.city} = ${f.city})`
      : undefined,
  ];
}
