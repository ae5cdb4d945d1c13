import type { UserRole } from '../contracts/people';
import type { UserActor } from '../policy/actor';

/**
 * A signed-in user as the policy sees them, for tests that ask the policy directly (no database):
 * linked to no employee, team, department or contractor unless `link` says so.
 */
export const userActor = (role: UserRole, link: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: `u-${role}`,
  name: role,
  email: `${role}@example.invalid`,
  role,
  employeeId: null,
  ledTeamIds: [],
  departmentId: null,
  contractorId: null,
  contractorContactId: null,
  ...link,
});
