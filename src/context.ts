import type { Auth } from './auth/auth';
import type { TConfig } from './config';
import type { Database, Db } from './db/client';
import type { JobSender, Mailer } from './domain/messages/mailer';

/** What every use case and route may reach: the database, the configuration, the message outbox. */
export interface AppContext {
  database: Database;
  db: Db;
  config: TConfig;
  mailer: Mailer;
  /** secret for signing sessions and tokens */
  secret: string;
  auth: Auth;
  /** the job queue (pg-boss), set once the worker started; absent in tests that start none */
  jobs?: JobSender;
}
