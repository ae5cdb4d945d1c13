import { demoSignInRefusal } from './auth/demo-sign-in';
import { closeContext, createContext } from './boot';
import { ConfigError, loadConfig } from './config';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock';
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoIfEmpty } from './demo/seed-if-empty';
import { sendInQuietHoursForTests } from './domain/invitations/quiet-hours';
import { buildApp } from './http/app';
import { startWorker } from './jobs/worker';
import { loggerOptions } from './lib/logger-options';

async function main() {
  const config = loadConfig();
  if (config.TEST_SEND_IN_QUIET_HOURS === 'yes') {
    sendInQuietHoursForTests();
    console.warn('TEST_SEND_IN_QUIET_HOURS=yes: surveys go out at night too (tests only)');
  }
  const embedded = !config.DATABASE_URL;
  const unlock = embedded ? lockDataDir(config.DATA_DIR) : () => {};
  process.on('exit', unlock);

  let ready = false;
  const ctx = await createContext(config);
  const seeded = await seedDemoIfEmpty({ ctx, mode: config.SEED_DEMO, log: (m) => console.log(m) });

  const runsWeb = config.ROLE !== 'worker';
  const boss = await startWorker(ctx, { work: config.ROLE !== 'web' });
  // one JSON line per request for a collector; pretty lines for a person at a terminal (LOG_FORMAT)
  const logger = loggerOptions(config);
  const app = await buildApp({ ctx, isReady: () => ready, serveWeb: true, logger: logger.options });
  if (runsWeb) await app.listen({ port: config.PORT, host: config.HOST });
  ready = true;

  const database = ctx.database.kind === 'pglite' ? `PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  const running = `achtplus is running (${database}, role ${config.ROLE})`;
  // a person reads these lines as they are; a collector gets them as one JSON line like the rest
  if (logger.pretty) {
    console.log(`\n${running}`);
    if (runsWeb) console.log(`  open ${config.publicUrl}`);
  } else {
    app.log.info(
      { url: runsWeb ? config.publicUrl : undefined, role: config.ROLE },
      runsWeb ? `${running}: open ${config.publicUrl}` : running,
    );
  }
  if (seeded.demo) {
    // the published password works only on this machine (src/auth/demo-sign-in.ts): say so, not the password
    const refusal = demoSignInRefusal('demo', config);
    if (refusal) console.log(`  this is the demo; ${refusal}`);
    else {
      console.log(`  demo logins (password "${DEMO_PASSWORD}"):`);
      for (const login of DEMO_LOGINS) console.log(`    ${login.email.padEnd(32)} ${login.label}`);
    }
    console.log('  for real use, start from an empty database: npm run cli -- setup (see README)');
  }

  const stop = async (signal: string) => {
    app.log.info(`${signal}: stopping`);
    ready = false;
    await app.close();
    await boss.stop({ graceful: true, timeout: 10_000 }).catch(() => {});
    // submissions handed in are stored and confirmed, first views written, then the database closes
    await closeContext(ctx);
    unlock();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
