import type {
  Journey,
  QuestionType,
  TJourneySurveySettings,
  TQuestion,
  TQuestionnaireDefinition,
  TQuestionnaireItem,
  TQuestionnaireVersion,
} from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

export { journeys } from '@contracts';
// the server's schemas are the one truth (src/contracts); types only, nothing of zod reaches the bundle
export type { Journey, QuestionType, TQuestion, TQuestionnaireDefinition };
export type QuestionnaireItem = TQuestionnaireItem;
export type QuestionnaireVersion = TQuestionnaireVersion;
export type SurveySettings = TJourneySurveySettings;

export function useQuestionnaires() {
  return useQuery({
    queryKey: queryKeys.questionnaires.all,
    queryFn: () => api.get<{ items: QuestionnaireItem[] }>(v1('/questionnaires')),
  });
}

export function useQuestionnaireVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: queryKeys.questionnaires.version(id, version ?? 0),
    queryFn: () => api.get<QuestionnaireVersion>(v1(`/questionnaires/${id}/versions/${version}`)),
    enabled: version !== null,
  });
}

export function useSurveySettings() {
  return useQuery({
    queryKey: queryKeys.surveySettings.all,
    queryFn: () => api.get<{ items: SurveySettings[] }>(v1('/survey-settings')),
  });
}
