import type { UserRole } from './people';

// its own file: the staff app's main bundle needs this, not the lists of people.ts

/**
 * Whose work a signed-in person looks at. The server scopes every list by the actor
 * (src/policy/scope.ts); the staff app only names it ("Mijn klussen") and leaves out choices
 * that could only come back empty.
 */
export const perspectives = ['technician', 'contractor', 'teamLeader', 'organisation'] as const;
export type Perspective = (typeof perspectives)[number];

export function perspectiveOf(who: {
  role: UserRole;
  employeeId: number | null;
  contractorId: number | null;
  ledTeamIds: readonly number[];
}): Perspective {
  if (who.role === 'contractor' && who.contractorId !== null) return 'contractor';
  if (who.role === 'employee' && who.employeeId !== null) return 'technician';
  if (who.role === 'team_leader' && who.ledTeamIds.length > 0) return 'teamLeader';
  return 'organisation';
}
