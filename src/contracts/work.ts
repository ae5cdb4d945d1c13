/** The words of a job and the people and homes around it. Plain values, no imports (see people.ts). */

/** A job's customer journey (klantreis); each has its own questionnaire and survey settings. */
export const journeys = ['repair', 'planned', 'vacancy'] as const;
export type Journey = (typeof journeys)[number];

export const jobStatuses = ['reported', 'planned', 'completed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** How the tenant reported a repair. */
export const reportingChannels = ['phone', 'web', 'app', 'email', 'walk_in', 'other'] as const;
export type ReportingChannel = (typeof reportingChannels)[number];

/** How a tenant prefers to be reached. */
export const contactChannels = ['email', 'sms', 'both', 'none'] as const;
export type ContactChannel = (typeof contactChannels)[number];

export const contractorCategories = ['main', 'specialist', 'other'] as const;
export type ContractorCategory = (typeof contractorCategories)[number];

/** The kinds of rows the batch API and the import take, by the name both use. */
export const importKinds = [
  'jobs',
  'teams',
  'employees',
  'contractors',
  'complexes',
  'units',
  'tenants',
] as const;
export type ImportKind = (typeof importKinds)[number];
