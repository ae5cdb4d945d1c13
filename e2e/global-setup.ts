import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { createDatabase, dropDatabase } from '../src/db/admin-database';
import { startTestSmtpServer } from '../src/test/test-servers';
import { chromiumLaunch } from './chromium';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    /** the Chromium all journeys open their windows in (e2e/browser.ts connects to it) */
    browserEndpoint: string;
    /** every e-mail the server sent, one `<n>.eml` file each (read with e2e/mailbox.ts) */
    mailboxDir: string;
  }
}

/**
 * One real server with the demo corporation and one Chromium for all journeys: seeding and
 * launching once keeps the suite short (each journey opens windows of its own in that browser).
 * It sends e-mail to a real SMTP server started here, and (tests only) sends surveys in the quiet
 * hours too, so the survey journey passes at any hour of the day. It keeps its data in PGlite, or,
 * with E2E_BACKEND=postgres, in a throw-away database on TEST_DATABASE_URL's server (dropped after).
 */
export default async function setup(project: TestProject) {
  const mailboxDir = mkdtempSync(join(tmpdir(), 'achtplus-e2e-mail-'));
  let received = 0;
  const smtp = await startTestSmtpServer({
    onMail: (mail) => writeFileSync(join(mailboxDir, `${++received}.eml`), mail.raw),
  });
  // the browser starts while the server builds and seeds
  const launching = chromium.launchServer(chromiumLaunch);
  const database = await e2eDatabase();
  const server = await startServer({
    env: {
      SMTP_URL: smtp.url,
      NODE_ENV: 'test',
      TEST_SEND_IN_QUIET_HOURS: 'yes',
      ...(database && {
        DATABASE_URL: database.url,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        SEED_DEMO: 'yes',
      }),
    },
  }).catch(async (err) => {
    await database?.drop();
    await smtp.close();
    await launching.then((b) => b.close()).catch(() => {});
    throw err;
  });
  const browser = await launching.catch(async (err) => {
    await server.stop();
    await database?.drop();
    await smtp.close();
    throw err;
  });
  project.provide('serverUrl', server.url);
  project.provide('browserEndpoint', browser.wsEndpoint());
  project.provide('mailboxDir', mailboxDir);
  return async () => {
    await browser.close();
    await server.stop();
    await smtp.close();
    await database?.drop();
    rmSync(mailboxDir, { recursive: true, force: true });
  };
}

async function e2eDatabase() {
  if (process.env.E2E_BACKEND !== 'postgres') return null;
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error('E2E_BACKEND=postgres needs TEST_DATABASE_URL (a server to create a database on)');
  const name = `achtplus_e2e_${randomBytes(5).toString('hex')}`;
  const url = await createDatabase(adminUrl, name);
  return { url, drop: () => dropDatabase(adminUrl, name) };
}
