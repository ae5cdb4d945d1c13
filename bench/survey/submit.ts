import {
  fill,
  type Submission,
  satisfiedTenantAnswers,
  submissionFromPage,
} from '../../src/test/survey-form';
import { type BenchLine, line } from '../line';
import { type BenchDatabase, type BenchServer, startBenchServer } from './bench-server';
import { type LoadResult, runLoad } from './load';

export const SUBMIT_PORTS = { app: 3112, bare: 3113 };

/**
 * `survey-submit`: final submissions per second and their p99 with 100 tenants at once, each request
 * another invitation's token posting the page's own form (its tenant opened the page before), against a bare Fastify route doing one
 * INSERT. Afterwards the stored rows must equal the confirmed answers (2xx/3xx), or the bench fails.
 */
export async function* surveySubmit(
  database: BenchDatabase,
  backend: string,
  quick: boolean,
): AsyncGenerator<BenchLine> {
  const connections = 100;
  const amount = quick ? 1_500 : 6_000;
  const app = await startBenchServer('app', database, SUBMIT_PORTS.app);
  let appLoad: LoadResult;
  let tokens: string[];
  let form: Submission;
  try {
    // autocannon builds a request ahead on each connection: some tokens stay unused
    tokens = (await app.seed(amount + 2 * connections, 'S', true)).map((i) => i.token);
    await app.listen();
    const page = await fetch(`${app.url}/s/${tokens[0]}`).then((r) => r.text());
    form = submissionFromPage(page, tokens[0]!, satisfiedTenantAnswers());
    const before = await app.count();
    appLoad = await submitLoad(app, tokens, form, connections, amount);
    const after = await app.count();
    const stored = after.responses - before.responses;
    if (stored !== appLoad.done || after.answeredWithoutResponse || after.responsesWithoutAnswers)
      throw new Error(
        `survey-submit: ${appLoad.done} confirmed, ${stored} responses stored (${JSON.stringify(after)}); status codes ${JSON.stringify(appLoad.statusCodes)}`,
      );
  } finally {
    await app.close();
  }
  const bare = await startBenchServer('bare', database, SUBMIT_PORTS.bare);
  let bareLoad: LoadResult;
  try {
    await bare.listen('');
    const before = await bare.count();
    bareLoad = await submitLoad(bare, tokens, form, connections, amount);
    const stored = (await bare.count()).bareSubmissions - before.bareSubmissions;
    if (stored !== bareLoad.done)
      throw new Error(`survey-submit (bare): ${bareLoad.done} confirmed, ${stored} rows stored`);
  } finally {
    await bare.close();
  }
  const scenario = `survey-submit (${backend})`;
  yield line(
    scenario,
    `final submissions, ${connections} tenants at once`,
    'submissions/s',
    appLoad.rate,
    bareLoad.rate,
    {
      ratioAtLeast: 0.5,
    },
  );
  yield line(
    scenario,
    `p99 latency of a submission, ${connections} tenants at once`,
    'ms',
    appLoad.p99Ms,
    bareLoad.p99Ms,
  );
}

/**
 * Every token posts once; each answer must be the confirmation (303 to the thanks page), or the
 * bench fails: a 200 would be the form again (e.g. a follow-up question revealed), not a submission.
 */
async function submitLoad(
  server: BenchServer,
  tokens: string[],
  form: Submission,
  connections: number,
  amount: number,
) {
  const result = await runLoad({
    url: server.url,
    connections,
    amount,
    next: (i) => {
      const token = tokens[Math.min(i + 1, tokens.length - 1)]!; // tokens[0]'s page was opened to read the form
      return {
        method: 'POST',
        path: fill(form.pathTemplate, token),
        headers: { 'content-type': form.contentType, origin: server.url },
        body: fill(form.bodyTemplate, token),
      };
    },
  });
  const codes = Object.keys(result.statusCodes);
  if (result.done !== amount || result.errors || codes.some((c) => c !== '303'))
    throw new Error(
      `survey-submit at ${server.url}: ${result.done} of ${amount} confirmed: ${JSON.stringify(result)}`,
    );
  return result;
}
