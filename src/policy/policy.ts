import { type UserRole, userRoles } from '../db/schema';
import type { Actor, ApiKeyScope } from './actor';

/**
 * What an actor may do. One table, read top to bottom; scoping of rows lives in scope.ts.
 * Roles not listed for an action may not do it. API keys act only through their scopes.
 */
// a role added to userRoles later gets these abilities, but jobs (and with them tenants) only through
// jobScope in scope.ts, which gives an unknown role none
const everyone = userRoles;
/** everyone who works for the corporation (all but a contractor's people) */
const staff = userRoles.filter((role) => role !== 'contractor');

const abilities = {
  'job.read': { roles: everyone, scope: 'jobs:read' },
  'job.write': { roles: ['admin', 'contact_centre'], scope: 'jobs:write' },
  'tenant-contact.read': { roles: staff },
  // tenants' contact data: people whose work is contacting them; no API key scope (the ERP sends tenants, it needs not read them back)
  'tenant.list': { roles: ['admin', 'contact_centre', 'quality'] },
  'masterdata.read': { roles: everyone, scope: 'masterdata:read' },
  'masterdata.write': { roles: ['admin'], scope: 'masterdata:write' },
  'import.run': { roles: ['admin'] },
  'user.manage': { roles: ['admin'] },
  'api-key.manage': { roles: ['admin'] },
  // name, colours and sender are shown to everyone on the login page anyway
  'organisation.read': { roles: everyone },
  'organisation.manage': { roles: ['admin'] },
  'audit.read': { roles: ['admin'] },
  // which domain events a processor failed on, with the error
  'event-processing.read': { roles: ['admin'] },
  'outbox.read': { roles: ['admin', 'quality'] },
  // questionnaires: the rated (technicians, contractors) neither read nor shape them
  'questionnaire.read': { roles: ['admin', 'quality', 'director', 'head', 'team_leader'] },
  'questionnaire.manage': { roles: ['admin', 'quality'] },
  // when invitations go out; nobody whose work is rated may shape it (sector validity rule)
  'survey-settings.manage': { roles: ['admin', 'quality'] },
  // invitation history with suppression reasons (opted out, no contact data) is about the tenant
  'invitation.read': { roles: staff },
  // sending an undeliverable invitation again, after the tenant's contact data was put right
  'invitation.resend': { roles: ['admin'] },
  // responses are read within responseScope: a technician only their own, a contractor only its jobs'
  'response.read': { roles: everyone, scope: 'responses:read' },
  // dashboards: figures within metricScope (heads the whole organisation), comparisons as aggregates
  'metrics.read': { roles: everyone, scope: 'responses:read' },
  // satisfaction targets per year (head and quality decide them; admins may correct)
  'target.manage': { roles: ['admin', 'quality', 'head'] },
  // a tenant's request under the AVG/GDPR: export or erase everything about them
  'tenant-data.manage': { roles: ['admin'] },
} satisfies Record<string, { roles: readonly UserRole[]; scope?: ApiKeyScope }>;

export type Action = keyof typeof abilities;

export function may(actor: Actor, action: Action): boolean {
  if (actor.kind === 'system') return true;
  const rule: { roles: readonly UserRole[]; scope?: ApiKeyScope } = abilities[action];
  if (actor.kind === 'api_key') return rule.scope !== undefined && actor.scopes.includes(rule.scope);
  return rule.roles.includes(actor.role);
}

export class ForbiddenError extends Error {
  constructor(public readonly action: Action) {
    super(`Not allowed: ${action}`);
  }
}

/** Throws when the actor may not; routes turn it into 404 for reads of single rows, 403 otherwise. */
export function authorize(actor: Actor, action: Action): void {
  if (!may(actor, action)) throw new ForbiddenError(action);
}

/** What the staff app may show as actions; presenters attach it so the UI never guesses. */
export function abilitiesOf(actor: Actor): Action[] {
  return (Object.keys(abilities) as Action[]).filter((a) => may(actor, a));
}
