import { useQuery } from '@tanstack/react-query';
import { api, v1 } from './api';

export interface Me {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: 'nl' | 'en';
  employeeId: number | null;
  contractorId: number | null;
  ledTeamIds: number[];
  abilities: string[];
}

export const meQueryKey = ['me'] as const;

/** Who is signed in and what the policy lets them do; the UI never guesses from the role. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => api.get<Me>(v1('/me')),
    retry: false,
    staleTime: 60_000,
  });
}

export const can = (me: Me | undefined, ability: string) => !!me?.abilities.includes(ability);
