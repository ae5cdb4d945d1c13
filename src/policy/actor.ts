import { type ApiKeyScope, apiKeyScopes } from '../contracts/people';
import type { UserRole } from '../db/schema';

export { type ApiKeyScope, apiKeyScopes };

/** Who is asking. Every use case receives one; the policy decides from it alone. */
export type Actor = UserActor | ApiKeyActor | SystemActor;

export interface UserActor {
  kind: 'user';
  userId: string;
  name: string;
  email: string;
  role: UserRole;
  /** the employee this account stands for (staff roles) */
  employeeId: number | null;
  /** teams this person leads (team leaders) */
  ledTeamIds: number[];
  /** the department this person heads or belongs to */
  departmentId: number | null;
  /** the contractor this account's contact person works for (contractor role) */
  contractorId: number | null;
  contractorContactId: number | null;
}

export interface ApiKeyActor {
  kind: 'api_key';
  apiKeyId: number;
  name: string;
  scopes: ApiKeyScope[];
}

/** The product itself: scheduled jobs, the CLI, the demo seeder. */
export interface SystemActor {
  kind: 'system';
  name: string;
}

export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });

export function actorUserId(actor: Actor) {
  return actor.kind === 'user' ? actor.userId : null;
}
