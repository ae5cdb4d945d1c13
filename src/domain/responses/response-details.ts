import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  contractors,
  employees,
  jobs,
  questionnaireVersions,
  responseAnswers,
  responses,
  teams,
  tenants,
} from '../../db/schema';
import type { Actor } from '../../policy/actor';
import { may } from '../../policy/policy';
import type { TQuestionnaireDefinition } from '../questionnaires/questionnaire-definition';

/**
 * How responses are read, for the list and the job page alike: the response row with the names of
 * its attribution, then — for a whole page at once — its answers and the texts of the questions
 * from the version that was answered.
 */

/**
 * The tenant's name goes next to the answers only when the tenant consented, and only to staff who
 * may see tenants' contact data: never to a contractor or an integration. When the actor may not,
 * the name is not even selected.
 */
const mayName = (actor: Actor) => actor.kind === 'user' && may(actor, 'tenant-contact.read');

export function selectResponses(db: Db, actor: Actor) {
  const tenantName = mayName(actor)
    ? sql<
        string | null
      >`case when ${responses.consent} and ${responses.unlinkedAt} is null then ${tenants.name} end`
    : sql<string | null>`null::text`;
  return db
    .select({
      id: responses.id,
      submittedAt: responses.submittedAt,
      journey: responses.journey,
      trade: responses.trade,
      grade: responses.grade,
      nps: responses.nps,
      consent: responses.consent,
      locale: responses.locale,
      unlinkedAt: responses.unlinkedAt,
      departmentId: responses.departmentId,
      job: { id: jobs.id, externalId: jobs.externalId },
      team: { id: teams.id, name: teams.name },
      technician: { id: employees.id, name: employees.name },
      contractor: { id: contractors.id, name: contractors.name },
      questionnaireVersionId: responses.questionnaireVersionId,
      questionnaireId: questionnaireVersions.questionnaireId,
      version: questionnaireVersions.version,
      tenantName,
    })
    .from(responses)
    .leftJoin(jobs, eq(jobs.id, responses.jobId))
    .leftJoin(teams, eq(teams.id, responses.teamId))
    .leftJoin(employees, eq(employees.id, responses.technicianId))
    .leftJoin(contractors, eq(contractors.id, responses.contractorId))
    .leftJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.questionnaireVersionId))
    .leftJoin(tenants, eq(tenants.id, responses.tenantId));
}

export type ResponseRow = Awaited<ReturnType<typeof selectResponses>>[number];

export interface LocalisedText {
  nl: string;
  en: string;
}

export interface AnswerDetail {
  questionKey: string;
  questionType: string;
  numericValue: number | null;
  textValue: string | null;
  choiceValues: string[] | null;
  phase: string | null;
  technicianInfluenceable: boolean | null;
  /** from the version answered; null if the key is not in it (never expected) */
  questionText: LocalisedText | null;
  /** labels of the chosen options, for choice questions */
  choiceLabels: LocalisedText[] | null;
}

export type ResponseDetail = ResponseRow & { answers: AnswerDetail[] };

/** Answers and question texts for a page of responses: two queries, whatever the page size. */
export async function withAnswers(db: Db, rows: ResponseRow[]): Promise<ResponseDetail[]> {
  if (rows.length === 0) return [];
  const versionIds = [...new Set(rows.map((r) => r.questionnaireVersionId))];
  const [answers, versions] = await Promise.all([
    db
      .select()
      .from(responseAnswers)
      .where(
        inArray(
          responseAnswers.responseId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(responseAnswers.id)),
    db
      .select({ id: questionnaireVersions.id, definition: questionnaireVersions.definition })
      .from(questionnaireVersions)
      .where(inArray(questionnaireVersions.id, versionIds)),
  ]);
  const questionsOf = new Map(
    versions.map((v) => [
      v.id,
      new Map((v.definition as TQuestionnaireDefinition).questions.map((q) => [q.key, q])),
    ]),
  );
  const versionOf = new Map(rows.map((r) => [r.id, r.questionnaireVersionId]));
  const byResponse = new Map<number, AnswerDetail[]>();
  for (const a of answers) {
    const question = questionsOf.get(versionOf.get(a.responseId) ?? 0)?.get(a.questionKey);
    const options = question?.type === 'choice' ? question.options : null;
    const list = byResponse.get(a.responseId) ?? [];
    list.push({
      questionKey: a.questionKey,
      questionType: a.questionType,
      numericValue: a.numericValue,
      textValue: a.textValue,
      choiceValues: a.choiceValues,
      phase: a.phase,
      technicianInfluenceable: a.technicianInfluenceable,
      questionText: question ? { nl: question.text.nl, en: question.text.en } : null,
      choiceLabels:
        options && a.choiceValues
          ? a.choiceValues.map((v) => {
              const label = options.find((o) => o.value === v)?.label;
              return label ? { nl: label.nl, en: label.en } : { nl: v, en: v };
            })
          : null,
    });
    byResponse.set(a.responseId, list);
  }
  return rows.map((r) => ({ ...r, answers: byResponse.get(r.id) ?? [] }));
}
