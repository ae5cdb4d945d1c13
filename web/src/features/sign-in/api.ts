import type { TLoginInfo } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { queryKeys } from '../../lib/query-keys';

/** GET /api/public/login-info (ZLoginInfo in src/http/routes/public.ts). */
export type LoginInfo = TLoginInfo;

/** The corporation's name and logo, and on a demo its logins; the shell's header reads it too. */
export function useLoginInfo() {
  return useQuery({
    queryKey: queryKeys.loginInfo,
    queryFn: () => api.get<LoginInfo>('/api/public/login-info'),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// better-auth's endpoints (src/auth/): a refusal is an ApiError that login-refusal.ts puts in words
export const signInWithPassword = (email: string, password: string) =>
  api.post('/api/auth/sign-in/email', { email, password });

export const sendSignInLink = (email: string, callbackURL: string) =>
  api.post('/api/auth/sign-in/magic-link', { email, callbackURL });

export const requestPasswordReset = (email: string) =>
  api.post('/api/auth/request-password-reset', { email, redirectTo: `${location.origin}/reset-password` });

export const resetPassword = (newPassword: string, token: string | null) =>
  api.post('/api/auth/reset-password', { newPassword, token });
