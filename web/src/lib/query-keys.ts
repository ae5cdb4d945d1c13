/**
 * Every query key of the staff app, from one place, so a screen that changes something invalidates
 * exactly what shows it. Keys start with the API path they read (`['/jobs', 7]`): TanStack Query
 * matches by prefix, so `queryKeys.jobs.all` invalidates every job list and detail at once.
 *
 * Add a capability's keys here when its screen is written or touched; never build a key inline.
 */
export type ListQuery = Record<string, string | number | boolean | undefined | null>;

/** The keys of a list endpoint with detail pages: `all` (both), `list(query)` and `detail(id)`. */
function listAndDetail<P extends string>(path: P) {
  return {
    all: [path] as const,
    list: (query: ListQuery) => [path, query] as const,
    detail: (id: number) => [path, id] as const,
  };
}

export const queryKeys = {
  me: ['me'] as const,
  loginInfo: ['login-info'] as const,
  jobs: {
    ...listAndDetail('/jobs'),
    /** the job's survey panel; the id is a string there, as it comes from the URL */
    survey: (id: number | string) => ['/jobs', String(id), 'survey'] as const,
    tenantContact: (id: number) => ['tenant-contact', id] as const,
  },
  responses: {
    all: ['/responses'] as const,
    list: (query: ListQuery) => ['/responses', query] as const,
  },
  teams: {
    ...listAndDetail('/teams'),
    /** the teams a work list filters by (lib/work-list.ts) */
    options: ['/teams', 'options'] as const,
  },
  employees: {
    ...listAndDetail('/employees'),
    /** whether the main menu shows "Medewerkers", "Mijn gegevens" or nothing (Shell.tsx) */
    menu: ['/employees', 'menu'] as const,
  },
  contractors: listAndDetail('/contractors'),
  units: listAndDetail('/units'),
  tenants: {
    all: ['/tenants'] as const,
    ofUnit: (unitId: number) => ['/tenants', { unitId }] as const,
  },
  users: {
    all: ['/users'] as const,
    list: (query: ListQuery) => ['/users', query] as const,
  },
  apiKeys: {
    all: ['/api-keys'] as const,
  },
  organisation: {
    all: ['/organisation'] as const,
  },
  imports: {
    all: ['/imports'] as const,
    run: (id: number) => ['/imports', id] as const,
  },
  outbox: {
    list: (query: ListQuery) => ['/outbox', query] as const,
  },
  auditLog: {
    list: (query: ListQuery) => ['/audit-log', query] as const,
  },
  questionnaires: {
    all: ['/questionnaires'] as const,
    version: (id: number, version: number) => ['/questionnaires', id, 'versions', version] as const,
  },
  surveySettings: {
    all: ['/survey-settings'] as const,
  },
  metrics: {
    /** every figure of the dashboards (not the poll below): what a new reaction invalidates */
    figures: ['/metrics', 'figures'] as const,
    overview: (query: ListQuery) => ['/metrics', 'figures', 'overview', query] as const,
    trend: (query: ListQuery) => ['/metrics', 'figures', 'trend', query] as const,
    breakdown: (query: ListQuery) => ['/metrics', 'figures', 'breakdown', query] as const,
    journey: (query: ListQuery) => ['/metrics', 'figures', 'journey', query] as const,
    /** the newest reaction in the filters, polled while a dashboard is open */
    latest: (query: ListQuery) => ['/metrics', 'latest', query] as const,
  },
  departments: {
    all: ['/departments'] as const,
  },
  targets: {
    all: ['/targets'] as const,
    year: (year: number) => ['/targets', year] as const,
  },
} as const;
