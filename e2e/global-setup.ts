import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestSmtpServer } from '../src/domain/messages/test-servers';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    /** every e-mail the server sent, one `<n>.eml` file each (read with e2e/mailbox.ts) */
    mailboxDir: string;
  }
}

/**
 * One real server with the demo corporation for all journeys: seeding once keeps the suite short.
 * It sends e-mail to a real SMTP server started here, and (tests only) sends surveys in the quiet
 * hours too, so the survey journey passes at any hour of the day.
 */
export default async function setup(project: TestProject) {
  const mailboxDir = mkdtempSync(join(tmpdir(), 'achtplus-e2e-mail-'));
  let received = 0;
  const smtp = await startTestSmtpServer({
    onMail: (mail) => writeFileSync(join(mailboxDir, `${++received}.eml`), mail.raw),
  });
  const server = await startServer({
    env: { SMTP_URL: smtp.url, NODE_ENV: 'test', TEST_SEND_IN_QUIET_HOURS: 'yes' },
  });
  project.provide('serverUrl', server.url);
  project.provide('mailboxDir', mailboxDir);
  return async () => {
    await server.stop();
    await smtp.close();
    rmSync(mailboxDir, { recursive: true, force: true });
  };
}
