/**
 * The one contract between the server and the staff app (web/). The enums are plain `as const`
 * arrays the database schema, the server's validation and the web app all use; the response types
 * are inferred from the server's zod schemas. Nothing here may import server code at run time
 * (contracts.test.ts checks it): the web bundle imports these files.
 *
 * Web: `import { journeys, type TJobDetail } from '@contracts'` (alias in vite.config.ts and tsconfig.json).
 */
export * from './metrics';
export * from './people';
export * from './perspective';
export type * from './responses';
export * from './surveys';
export * from './work';
