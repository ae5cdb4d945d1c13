import type { Logger } from 'pino';
import type { Auth } from './auth/auth';
import type { TConfig } from './config';
import type { Database, Db } from './db/client';
import type { DispatchWakeup } from './domain/invitations/dispatch-wakeup';
import type { JobSender, Mailer } from './domain/messages/mailer';
import type { SurveyMachinery } from './domain/responses/survey-machinery';

/** What every use case and route may reach: the database, the configuration, the message outbox. */
export interface AppContext {
  database: Database;
  db: Db;
  config: TConfig;
  mailer: Mailer;
  /** secret for signing sessions and tokens */
  secret: string;
  auth: Auth;
  /** the process's logger (pino, like Fastify's): background work logs here */
  log: Logger;
  /** the job queue (pg-boss), set once the worker started; absent in tests that start none */
  jobs?: JobSender;
  /**
   * Per-process machinery, started by createContext and stopped by closeContext (src/boot.ts): what
   * the survey page and its submission keep in memory, batch and queue…
   */
  survey: SurveyMachinery;
  /** …and how write paths that scheduled invitations wake the dispatcher after commit */
  dispatchWakeup: DispatchWakeup;
}
