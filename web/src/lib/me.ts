import { type Perspective, perspectiveOf, type TMe } from '@contracts';
import { useQuery } from '@tanstack/react-query';
import { api, v1 } from './api';
import type { MessageKey } from './i18n-nl';
import { queryKeys } from './query-keys';

/** GET /api/v1/me, as the server's schema says (src/contracts). */
export type Me = TMe;

/** Who is signed in and what the policy lets them do; the UI never guesses from the role. */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => api.get<Me>(v1('/me')),
    retry: false,
    staleTime: 60_000,
  });
}

export const can = (me: Me | undefined, ability: string) => !!me?.abilities.includes(ability);

/**
 * Whose work the signed-in person looks at (src/contracts/people.ts): the server already scopes
 * every list this way, the UI only names it ("Mijn klussen").
 */
export { type Perspective, perspectiveOf };

/** The jobs page and its menu item say whose jobs they are (the menu's words: lib/i18n-*). */
export const jobsLabel: Record<Perspective, MessageKey> = {
  technician: 'nav.myJobs',
  contractor: 'nav.ourJobs',
  teamLeader: 'nav.teamJobs',
  organisation: 'nav.jobs',
};
