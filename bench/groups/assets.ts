import { type APIRequestContext, type Browser, chromium, type Page } from 'playwright-core';
import { headlessChromium } from '../../e2e/chromium';
import { startServer } from '../../e2e/server';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/demo/logins';
import { visitBytes } from '../assets/visit-bytes';
import { type BenchGroup, line } from '../line';

/**
 * `assets`: what the staff app costs a phone in a van. The server runs as `npm start` runs it (the
 * built bundle, demo data on PGlite); Debian's Chromium opens the login page and, signed in, the
 * job list, and Chromium's own network accounting adds up the bytes that crossed the wire: a first
 * visit (empty cache) and a repeat visit in the same browser (a new tab: what the cache keeps is not
 * asked again, what must be revalidated is). Goals: ≤ 300 KB first, ≤ 30 KB repeat. Baseline, in
 * the same run: the same visit with the browser's cache off and `Accept-Encoding: identity` — the
 * bytes as they went before anything was compressed or cached. `--quick` measures the same.
 */
const group: BenchGroup = async function* () {
  // seeding the demo takes a minute or more on a busy machine
  const server = await startServer({ env: { SEED_DEMO: 'auto' }, timeoutMs: 600_000 });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(headlessChromium);
    const pages: Array<{
      name: string;
      path: string;
      signedIn: boolean;
      ready: (page: Page) => Promise<unknown>;
    }> = [
      {
        name: 'login page',
        path: '/login',
        signedIn: false,
        ready: (page) => page.getByRole('button', { name: 'Inloggen' }).waitFor(),
      },
      {
        name: 'job list, signed in',
        path: '/jobs',
        signedIn: true,
        ready: (page) => page.locator('table tbody tr').first().waitFor(),
      },
    ];
    for (const target of pages) {
      const open = async () => {
        const context = await browser!.newContext({ baseURL: server.url, locale: 'nl-NL' });
        if (target.signedIn) await signIn(context.request, server.url);
        return context;
      };
      const reference = await open();
      const uncached = await visitBytes(reference, target.path, { uncached: true, ready: target.ready });
      await reference.close();

      const context = await open();
      const first = await visitBytes(context, target.path, { ready: target.ready });
      const repeat = await visitBytes(context, target.path, { ready: target.ready });
      await context.close();

      const scenario = `assets (${target.name})`;
      yield line(
        scenario,
        `bytes of a first visit (${first.requests} requests; ${first.encodings.join(', ') || 'nothing'} compressed, as Chromium asked)`,
        'bytes',
        first.bytes,
        uncached.bytes,
        { valueAtMost: 300 * 1024 },
      );
      yield line(
        scenario,
        `bytes of a repeat visit (${repeat.requests} requests: ${repeat.fromCache} from the cache, ${repeat.notModified} revalidated)`,
        'bytes',
        repeat.bytes,
        uncached.bytes,
        { valueAtMost: 30 * 1024 },
      );
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
};
export default group;

/** Signs the context in as the demo admin through the API, so the visit itself starts cold. */
async function signIn(request: APIRequestContext, url: string) {
  const admin = DEMO_LOGINS.find((login) => login.email.startsWith('admin')) ?? DEMO_LOGINS[0]!;
  const answer = await request.post('/api/auth/sign-in/email', {
    headers: { origin: url },
    data: { email: admin.email, password: DEMO_PASSWORD },
  });
  if (answer.status() !== 200)
    throw new Error(`the demo admin could not sign in: ${answer.status()} ${await answer.text()}`);
}
