import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

/** One real server with the demo corporation for all journeys: seeding once keeps the suite short. */
export default async function setup(project: TestProject) {
  const server = await startServer();
  project.provide('serverUrl', server.url);
  return async () => server.stop();
}
