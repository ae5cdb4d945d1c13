import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, runMigrations } from '../../db/client';
import { openTestDatabase, testBackend } from '../../test/database';
import { seedSentInvitations } from '../../test/sent-invitations';
import { expectedAnswerRows, fill, satisfiedTenantAnswers, submissionFromPage } from '../../test/survey-form';

/**
 * Reliability (issue 3): the real server (`tsx src/main.ts`) is killed with SIGKILL while 50 tenants
 * submit at once, then started again on the same data. Every submission that got its confirmation
 * must be there with all its answers, no response may be partial, and no invitation may be
 * `answered` without its response. Runs on PGlite (a data folder) and on PostgreSQL.
 */
const SECRET = 'crash-test-secret-crash-test-secret-0000';
const INVITATIONS = 300;
const TENANTS_AT_ONCE = 50;
const KILL_AFTER_CONFIRMATIONS = 60;

const running: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

describe(`submissions survive a crash (${testBackend})`, () => {
  it('keeps every confirmed submission whole after SIGKILL and restart', { timeout: 120_000 }, async () => {
    const store = await prepareStore();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let server = await startServer(store.env, port);

    const invitations = store.invitations;
    const page = await fetch(`${url}/s/${invitations[0]!.token}`).then((r) => r.text());
    const answers = satisfiedTenantAnswers();
    const form = submissionFromPage(page, invitations[0]!.token, answers);
    const submit = (token: string, tenant: number) =>
      fetch(`${url}${fill(form.pathTemplate, token)}`, {
        method: 'POST',
        headers: {
          'content-type': form.contentType,
          origin: url,
          'x-forwarded-for': `10.0.${tenant >> 8}.${tenant & 255}`,
        },
        body: fill(form.bodyTemplate, token),
        redirect: 'manual',
      });

    // 50 tenants at once, each taking the next invitation; SIGKILL once enough are confirmed
    const confirmed = new Set<number>();
    let next = 1;
    let killed = false;
    const tenant = async () => {
      while (!killed && next < invitations.length) {
        const invitation = invitations[next++]!;
        try {
          const res = await submit(invitation.token, invitation.invitationId);
          if (isConfirmation(res, invitation.token)) confirmed.add(invitation.invitationId);
          else throw new Error(`submission answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        } catch (err) {
          if (killed) return; // the connection died with the server: no confirmation, nothing promised
          throw err;
        }
        if (confirmed.size >= KILL_AFTER_CONFIRMATIONS && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: TENANTS_AT_ONCE }, tenant));
    expect(killed, 'the server was killed in the middle of the submissions').toBe(true);
    expect(await server.exited).toBeNull(); // killed by the signal, not exited

    // the same data, a new process: it starts, and takes new submissions
    server = await startServer(store.env, port);
    expect(next, 'invitations left to submit after the restart').toBeLessThan(invitations.length);
    const late = invitations[next]!;
    expect(isConfirmation(await submit(late.token, 999), late.token)).toBe(true);
    confirmed.add(late.invitationId);
    // a tenant who got the confirmation before the crash opens the link again: thanks, no form
    const before = invitations.find((i) => confirmed.has(i.invitationId) && i !== late)!;
    const again = await fetch(`${url}/s/${before.token}`);
    expect(again.status).toBe(200);
    expect(await again.text()).not.toContain('id="survey"');
    await stopServer(server);

    const stored = await store.inspect();
    const expected = expectedAnswerRows(answers);
    const byInvitation = new Map(stored.responses.map((r) => [r.invitationId, r]));
    const lost = [...confirmed].filter((id) => !byInvitation.has(id));
    expect(lost, 'confirmed submissions missing after the restart').toEqual([]);
    const partial = stored.responses.filter((r) => r.answers !== expected);
    expect(partial, `responses without all ${expected} answers`).toEqual([]);
    expect(stored.answeredWithoutResponse, 'invitations answered without a response').toEqual([]);
    expect(stored.responsesOfUnansweredInvitations, 'responses whose invitation is not answered').toEqual([]);
    expect(stored.events).toBe(stored.responses.length);
    expect(stored.responses.length).toBeGreaterThanOrEqual(confirmed.size);
  });
});

/**
 * The confirmation is the redirect to the page itself, which then says thanks. A 200 is the form
 * again (a follow-up question revealed) and `?saved=1` a saved draft: neither is a submission.
 */
const isConfirmation = (res: Response, token: string) =>
  res.status === 303 && res.headers.get('location') === `/s/${token}`;

/** The data the server runs on: a PGlite folder, or a throw-away PostgreSQL database. */
async function prepareStore() {
  let database: Database;
  let env: Record<string, string>;
  if (testBackend === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'achtplus-crash-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    database = await openDatabase({ dataDir });
    await runMigrations(database);
    env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  } else {
    database = await openTestDatabase();
    cleanups.push(() => database.close());
    env = { DATABASE_URL: database.url! };
  }
  const invitations = await seedSentInvitations(database, {
    secret: SECRET,
    count: INVITATIONS,
    prefix: 'CRASH',
  });
  // PGlite: one process per folder; the server opens it, the test reopens it once the server stopped
  if (testBackend === 'pglite') await database.close();
  const inspect = async () => {
    const db = testBackend === 'pglite' ? await openDatabase({ dataDir: env.DATA_DIR }) : database;
    try {
      return await inspectStored(db);
    } finally {
      if (testBackend === 'pglite') await db.close();
    }
  };
  return { env, invitations, inspect };
}

async function inspectStored(database: Database) {
  const rows = async (sql: string) => (await database.executeSql(sql)).rows;
  return {
    responses: (await rows(
      `SELECT r.invitation_id AS "invitationId",
              (SELECT count(*)::int FROM response_answers a WHERE a.response_id = r.id) AS answers
       FROM responses r`,
    )) as Array<{ invitationId: number; answers: number }>,
    answeredWithoutResponse: await rows(
      `SELECT i.id FROM invitations i WHERE i.status = 'answered'
       AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id)`,
    ),
    responsesOfUnansweredInvitations: await rows(
      `SELECT r.id FROM responses r JOIN invitations i ON i.id = r.invitation_id WHERE i.status <> 'answered'`,
    ),
    events: (await rows(`SELECT count(*)::int AS n FROM domain_events WHERE type = 'response.submitted'`))[0]
      .n as number,
  };
}

interface Server {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: SECRET,
      // each simulated tenant comes from an address of its own (X-Forwarded-For)
      TRUST_PROXY: 'true',
      SEED_DEMO: 'no',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, exited, output: () => output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy within 60 s:\n${output}`);
}

async function stopServer(server: Server) {
  server.child.kill('SIGTERM');
  expect(await server.exited, server.output()).toBe(0);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
