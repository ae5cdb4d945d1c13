/**
 * Every query key of the staff app, from one place, so a screen that changes something invalidates
 * exactly what shows it. Keys start with the API path they read (`['/jobs', 7]`): TanStack Query
 * matches by prefix, so `queryKeys.jobs.all` invalidates every job list and detail at once, and
 * screens that still build their own `['/jobs', …]` arrays (and `useList(path)`) stay in step.
 *
 * Add a capability's keys here when its screen is written or touched; never build a key inline.
 */
type ListQuery = Record<string, string | number | boolean | undefined | null>;

export const queryKeys = {
  me: ['me'] as const,
  loginInfo: ['login-info'] as const,
  jobs: {
    all: ['/jobs'] as const,
    list: (query: ListQuery) => ['/jobs', query] as const,
    detail: (id: number) => ['/jobs', id] as const,
    /** the job's survey panel; the id is a string there, as it comes from the URL */
    survey: (id: number | string) => ['/jobs', String(id), 'survey'] as const,
    tenantContact: (id: number) => ['tenant-contact', id] as const,
  },
  tenants: {
    all: ['/tenants'] as const,
    ofUnit: (unitId: number) => ['/tenants', { unitId }] as const,
  },
  users: {
    all: ['/users'] as const,
  },
  questionnaires: {
    all: ['/questionnaires'] as const,
    version: (id: number, version: number) => ['/questionnaires', id, 'versions', version] as const,
  },
  surveySettings: {
    all: ['/survey-settings'] as const,
  },
} as const;
