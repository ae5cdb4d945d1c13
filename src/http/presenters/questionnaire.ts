import { z } from 'zod';
import { journeys, questionnaireStatuses } from '../../db/schema';
import type { QuestionnaireVersion } from '../../domain/questionnaires/get-questionnaire-version';
import type { QuestionnaireListRow } from '../../domain/questionnaires/list-questionnaires';
import { ZQuestionnaireDefinition } from '../../domain/questionnaires/questionnaire-definition';
import type { Actor } from '../../policy/actor';
import { questionnaireCan } from '../../policy/object-policies';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const ZQuestionnaireItem = z.object({
  id: z.number().int(),
  journey: z.enum(journeys),
  name: z.string(),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  draftVersion: z.number().int().nullable(),
  versionCount: z.number().int(),
  can: z
    .object({ startDraft: z.boolean(), editDraft: z.boolean(), publish: z.boolean() })
    .describe('what the reader may do with this questionnaire now'),
});

export const ZQuestionnaireVersion = z.object({
  id: z.number().int(),
  questionnaireId: z.number().int(),
  journey: z.enum(journeys),
  name: z.string(),
  version: z.number().int(),
  status: z.enum(questionnaireStatuses),
  definition: ZQuestionnaireDefinition,
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** the publisher's name only: staff see who published, never their account details */
  publishedBy: z.string().nullable(),
});

export function presentQuestionnaire(
  q: QuestionnaireListRow,
  actor: Actor,
): z.infer<typeof ZQuestionnaireItem> {
  const draftVersion = q.draftVersion === null ? null : Number(q.draftVersion);
  return {
    id: q.id,
    journey: q.journey,
    name: q.name,
    publishedVersion: q.publishedVersion === null ? null : Number(q.publishedVersion),
    publishedAt: iso(q.publishedAt),
    draftVersion,
    versionCount: Number(q.versionCount),
    can: questionnaireCan(actor, { draftVersion }),
  };
}

export function presentQuestionnaireVersion(v: QuestionnaireVersion): z.infer<typeof ZQuestionnaireVersion> {
  return {
    id: v.id,
    questionnaireId: v.questionnaireId,
    journey: v.journey,
    name: v.name,
    version: v.version,
    status: v.status,
    definition: v.definition,
    createdAt: iso(v.createdAt)!,
    publishedAt: iso(v.publishedAt),
    publishedBy: v.publishedBy,
  };
}
