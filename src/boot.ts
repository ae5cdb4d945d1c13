import { pino } from 'pino';
import { createAuth } from './auth/auth';
import type { TConfig } from './config';
import type { AppContext } from './context';
import { type Database, openDatabase, runMigrations } from './db/client';
import { createDispatchWakeup } from './domain/invitations/dispatch-wakeup';
import { ensureSurveySettings } from './domain/invitations/ensure-survey-settings';
import { configuredProviders } from './domain/messages/configured-providers';
import { createMailer } from './domain/messages/mailer';
import { ensureDefaultQuestionnaires } from './domain/questionnaires/ensure-default-questionnaires';
import { startSurveyMachinery, stopSurveyMachinery } from './domain/responses/survey-machinery';
import { loadOrCreateSecret } from './lib/secrets';

/** Opens the database, applies migrations and assembles what use cases and routes need. */
export async function createContext(config: TConfig, database?: Database): Promise<AppContext> {
  const db = database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR }));
  await runMigrations(db);
  await ensureDefaultQuestionnaires({ db: db.db });
  await ensureSurveySettings({ db: db.db });
  const secret =
    config.SESSION_SECRET ??
    (config.DATABASE_URL ? undefined : loadOrCreateSecret(config.DATA_DIR, 'session'));
  if (!secret)
    throw new Error(
      'SESSION_SECRET must be set when DATABASE_URL is used (several processes must share it).',
    );
  const mailer = createMailer({
    db: db.db,
    providers: configuredProviders({ db: db.db, config }),
    // the queue arrives later, when the worker starts (startWorker sets ctx.jobs)
    jobs: () => ctx.jobs,
  });
  const auth = createAuth({ db: db.db, config, secret, mailer });
  const log = pino({ level: config.LOG_LEVEL });
  const ctx: AppContext = {
    database: db,
    db: db.db,
    config,
    secret,
    mailer,
    auth,
    log,
    survey: startSurveyMachinery(db.db),
    // write paths that schedule invitations wake the dispatcher at the first sendAfter, after commit
    dispatchWakeup: createDispatchWakeup(() => ctx.jobs),
  };
  return ctx;
}

/**
 * A normal stop, after the server and the worker stopped taking work: the machinery finishes what
 * it was handed (submissions stored and confirmed, first views written), then the database closes.
 */
export async function closeContext(ctx: AppContext) {
  await stopSurveyMachinery(ctx.survey);
  await ctx.database.close();
}
