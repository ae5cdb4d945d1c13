import { useQuery } from '@tanstack/react-query';
import { api, v1 } from './api';
import type { MessageKey } from './i18n-nl';

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

/**
 * Whose work the signed-in person looks at: the server already scopes every list this way, the UI
 * only names it ("Mijn klussen") and leaves out choices that could only come back empty.
 */
export type Perspective = 'technician' | 'contractor' | 'teamLeader' | 'organisation';

export function perspectiveOf(me: Me): Perspective {
  if (me.role === 'contractor' && me.contractorId !== null) return 'contractor';
  if (me.role === 'employee' && me.employeeId !== null) return 'technician';
  if (me.role === 'team_leader' && me.ledTeamIds.length > 0) return 'teamLeader';
  return 'organisation';
}

/** The jobs page and its menu item say whose jobs they are. */
export const jobsLabel: Record<Perspective, MessageKey> = {
  technician: 'nav.myJobs',
  contractor: 'nav.ourJobs',
  teamLeader: 'nav.teamJobs',
  organisation: 'nav.jobs',
};

export const jobsIntro: Partial<Record<Perspective, MessageKey>> = {
  technician: 'jobs.mineIntro',
  contractor: 'jobs.ourIntro',
  teamLeader: 'jobs.teamIntro',
};
