/**
 * Who uses achtplus and what they see. Plain values: the staff app's bundle imports this file, so it
 * imports nothing (no zod, no drizzle, no node modules).
 */

/** A signed-in user's role (`users.role`); the policy (src/policy/policy.ts) says what each may do. */
export const userRoles = [
  'admin',
  'director',
  'head',
  'team_leader',
  'employee',
  'contact_centre',
  'quality',
  'contractor',
] as const;
export type UserRole = (typeof userRoles)[number];

/** An employee's job in the organisation (`employees.role`, from the ERP), not their login role. */
export const employeeRoles = [
  'technician',
  'team_leader',
  'head_of_department',
  'director',
  'contact_centre',
  'quality',
] as const;
export type EmployeeRole = (typeof employeeRoles)[number];

/** What an API key may do; a key carries some of these, never a role. */
export const apiKeyScopes = [
  'jobs:read',
  'jobs:write',
  'masterdata:read',
  'masterdata:write',
  'responses:read',
] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
