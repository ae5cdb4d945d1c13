import { useQuery } from '@tanstack/react-query';
import type {
  TQuestion,
  TQuestionnaireDefinition,
} from '../../../../src/domain/questionnaires/questionnaire-definition';
import { ApiError, api, v1 } from '../../lib/api';

// types only: the server's definition schema is the one truth, nothing of zod reaches the bundle
export type { TQuestion, TQuestionnaireDefinition };
export type QuestionType = TQuestion['type'];

export const journeys = ['repair', 'planned', 'vacancy'] as const;
export type Journey = (typeof journeys)[number];

export interface QuestionnaireItem {
  id: number;
  journey: Journey;
  name: string;
  publishedVersion: number | null;
  publishedAt: string | null;
  draftVersion: number | null;
  versionCount: number;
  /** what the reader may do with this questionnaire now (the server decides) */
  can: { startDraft: boolean; editDraft: boolean; publish: boolean };
}

export interface QuestionnaireVersion {
  id: number;
  questionnaireId: number;
  journey: Journey;
  name: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: TQuestionnaireDefinition;
  createdAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface SurveySettings {
  journey: Journey;
  enabled: boolean;
  delayMinutes: number;
  reminderDays: number;
  expiryDays: number;
  quarantineDays: number;
}

export const questionnairesKey = ['/questionnaires'] as const;
export const versionKey = (id: number, version: number) => ['/questionnaires', id, 'versions', version];
export const surveySettingsKey = ['/survey-settings'] as const;

export function useQuestionnaires() {
  return useQuery({
    queryKey: questionnairesKey,
    queryFn: () => api.get<{ items: QuestionnaireItem[] }>(v1('/questionnaires')),
  });
}

export function useQuestionnaireVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: versionKey(id, version ?? 0),
    queryFn: () => api.get<QuestionnaireVersion>(v1(`/questionnaires/${id}/versions/${version}`)),
    enabled: version !== null,
  });
}

export function useSurveySettings() {
  return useQuery({
    queryKey: surveySettingsKey,
    queryFn: () => api.get<{ items: SurveySettings[] }>(v1('/survey-settings')),
  });
}

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The field problems of a 400 (`issues`): schema validation's paths start at the body
 * (`body.definition.questions.3.condition.value`), the key-stability check's at the definition
 * (`definition.questions.3.type`). Paths come back relative to `strip`, e.g. `questions.3.type`.
 */
export function fieldProblems(err: unknown, strip: RegExp): FieldProblem[] {
  if (!(err instanceof ApiError) || err.status !== 400) return [];
  const body = err.body as { issues?: unknown } | null;
  const list = Array.isArray(body?.issues) ? body.issues : [];
  return (list as Array<Partial<FieldProblem>>)
    .filter((p): p is FieldProblem => typeof p?.field === 'string' && typeof p.message === 'string')
    .map((p) => ({ field: p.field.replace(strip, ''), message: p.message }));
}
