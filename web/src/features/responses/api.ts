import type { TJobSurvey, TResponseItem } from '@contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, v1 } from '../../lib/api';
import { usePage } from '../../lib/queries';
import { type ListQuery, queryKeys } from '../../lib/query-keys';

/** GET /responses: every response the reader may see, newest first. */
export function useResponses(query: ListQuery) {
  return usePage<TResponseItem>(queryKeys.responses.list(query), '/responses', query);
}

/** GET /jobs/:id/survey: the job's invitation and response, as far as the reader may see them. */
export function useJobSurvey(jobId: number) {
  return useQuery({
    queryKey: queryKeys.jobs.survey(jobId),
    queryFn: () => api.get<TJobSurvey>(v1(`/jobs/${jobId}/survey`)),
  });
}

/** POST /jobs/:id/survey/resend (an admin, once): the panel reads the invitation again either way. */
export function useResendInvitation(jobId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(v1(`/jobs/${jobId}/survey/resend`)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.jobs.survey(jobId) }),
  });
}
