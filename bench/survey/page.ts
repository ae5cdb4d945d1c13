import { type BenchLine, line } from '../line';
import { type BenchDatabase, startBenchServer } from './bench-server';
import { firstViewBytes } from './first-view';
import { type LoadResult, runLoad } from './load';

export const PAGE_PORTS = { app: 3110, bare: 3111 };

/**
 * `survey-page`: survey pages opened per second (GET /s/<token>, a different token each request,
 * 20 keep-alive connections) against a bare Fastify route that looks the token up and returns the
 * same HTML as a static page; and the bytes of a first view (HTML and everything it loads).
 */
export async function* surveyPage(
  database: BenchDatabase,
  backend: string,
  quick: boolean,
): AsyncGenerator<BenchLine> {
  const seconds = quick ? 3 : 10;
  const connections = 20;
  const app = await startBenchServer('app', database, PAGE_PORTS.app);
  let appLoad: LoadResult;
  let first: Awaited<ReturnType<typeof firstViewBytes>>;
  let tokens: string[];
  try {
    tokens = (await app.seed(quick ? 2_000 : 5_000, 'P')).map((i) => i.token);
    await app.listen();
    first = await firstViewBytes(`${app.url}/s/${tokens[0]}`);
    appLoad = await pageLoad(app.url, tokens, connections, seconds);
  } finally {
    await app.close();
  }
  const bare = await startBenchServer('bare', database, PAGE_PORTS.bare);
  let bareLoad: LoadResult;
  try {
    await bare.listen(first.html);
    bareLoad = await pageLoad(bare.url, tokens, connections, seconds);
  } finally {
    await bare.close();
  }
  const scenario = `survey-page (${backend})`;
  yield line(
    scenario,
    `pages opened, ${connections} connections, distinct tokens`,
    'req/s',
    appLoad.rate,
    bareLoad.rate,
    {
      ratioAtLeast: 0.6,
    },
  );
  yield line(
    scenario,
    `bytes of the first view (${first.resources.length + 1} requests: the HTML and all it loads)`,
    'bytes',
    first.bytes,
    null,
    {
      valueAtMost: 30_720,
    },
  );
}

/** A second of warm-up, then the measured run; every answer must be the page (200), or the bench fails. */
async function pageLoad(url: string, tokens: string[], connections: number, seconds: number) {
  const next = (i: number) => ({ method: 'GET' as const, path: `/s/${tokens[i % tokens.length]}` });
  await runLoad({ url, connections, seconds: 1, next });
  const result = await runLoad({ url, connections, seconds, next });
  const codes = Object.keys(result.statusCodes);
  if (result.errors || codes.some((c) => c !== '200'))
    throw new Error(`survey-page at ${url}: not every answer was the page: ${JSON.stringify(result)}`);
  return result;
}
