import { fill, satisfiedTenantAnswers, submissionFromPage } from '../../src/test/survey-form';
import { type BenchLine, line } from '../line';
import { type BenchDatabase, startBenchServer } from './bench-server';

export const FRESHNESS_PORT = 3114;

/**
 * `freshness`: seconds from a tenant's confirmation (the answer to the final submission) until the
 * response is listed by GET /api/v1/responses for an integration's API key (scope responses:read),
 * polled every 10 ms; the median of N submissions, one after another.
 */
export async function* freshness(
  database: BenchDatabase,
  backend: string,
  quick: boolean,
): AsyncGenerator<BenchLine> {
  const n = quick ? 5 : 20;
  const app = await startBenchServer('app', database, FRESHNESS_PORT);
  const seconds: number[] = [];
  try {
    const invitations = await app.seed(n, 'F', true);
    await app.listen();
    const key = await app.apiKey();
    const first = invitations[0]!.token;
    const page = await fetch(`${app.url}/s/${first}`).then((r) => r.text());
    const form = submissionFromPage(page, first, satisfiedTenantAnswers());
    for (const { token, jobExternalId } of invitations) {
      const res = await fetch(`${app.url}${fill(form.pathTemplate, token)}`, {
        method: 'POST',
        headers: { 'content-type': form.contentType, origin: app.url },
        body: fill(form.bodyTemplate, token),
        redirect: 'manual',
      });
      if (res.status >= 400)
        throw new Error(`freshness: submission answered ${res.status}: ${await res.text()}`);
      const confirmed = performance.now();
      await visibleThroughApi(app.url, key, jobExternalId);
      seconds.push((performance.now() - confirmed) / 1000);
    }
  } finally {
    await app.close();
  }
  const sorted = seconds.sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  yield line(
    `freshness (${backend})`,
    `submission to visible in GET /api/v1/responses, median of ${n}`,
    's',
    median,
    null,
    {
      valueAtMost: 5,
    },
  );
}

async function visibleThroughApi(url: string, key: string, jobExternalId: string) {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const res = await fetch(`${url}/api/v1/responses?pageSize=20`, {
      headers: { authorization: `Bearer ${key}` },
    });
    if (res.status !== 200)
      throw new Error(`freshness: GET /api/v1/responses answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as { items: Array<{ job: { externalId: string } | null }> };
    if (page.items.some((r) => r.job?.externalId === jobExternalId)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`freshness: the response of ${jobExternalId} was not listed within 60 s`);
}
