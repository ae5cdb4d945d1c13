import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface VisitBytes {
  /** bytes that crossed the network (headers and bodies, as encoded on the wire) */
  bytes: number;
  /** requests the page made */
  requests: number;
  /** of those, answered from the browser's cache without asking the server */
  fromCache: number;
  /** of those, revalidated (304) */
  notModified: number;
  /** the content encodings the server chose */
  encodings: string[];
}

interface Fetched {
  url: string;
  status: number;
  encoding: string;
  bytes: number;
  fromCache: boolean;
}

/**
 * Opens `path` in a new tab of `context` and adds up what Chromium's network layer reports
 * (`encodedDataLength` of every finished request, so compressed bodies count as compressed and a
 * cached file counts as nothing) until the page is idle. `uncached`: the browser's cache off and
 * `Accept-Encoding: identity`, as a server without compression or caching would be used.
 */
export async function visitBytes(
  context: BrowserContext,
  path: string,
  opts: { uncached?: boolean; ready?: (page: Page) => Promise<unknown> } = {},
): Promise<VisitBytes> {
  const page = await context.newPage();
  try {
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (opts.uncached) {
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    }
    const seen = new Map<string, Fetched>();
    const of = (id: string) => {
      let fetched = seen.get(id);
      if (!fetched) {
        fetched = { url: '', status: 0, encoding: '', bytes: 0, fromCache: false };
        seen.set(id, fetched);
      }
      return fetched;
    };
    cdp.on('Network.requestWillBeSent', (event) => {
      of(event.requestId).url = event.request.url;
    });
    cdp.on('Network.requestServedFromCache', (event) => {
      of(event.requestId).fromCache = true;
    });
    cdp.on('Network.responseReceived', (event) => {
      const fetched = of(event.requestId);
      if (!fetched.status) fetched.status = event.response.status;
      if (event.response.fromDiskCache || event.response.fromPrefetchCache) fetched.fromCache = true;
    });
    // what came over the wire: a revalidation shows 304 here and 200 in responseReceived
    cdp.on('Network.responseReceivedExtraInfo', (event) => {
      const fetched = of(event.requestId);
      fetched.status = event.statusCode;
      const headers = Object.fromEntries(Object.entries(event.headers).map(([k, v]) => [k.toLowerCase(), v]));
      fetched.encoding = String(headers['content-encoding'] ?? '');
    });
    cdp.on('Network.loadingFinished', (event) => {
      of(event.requestId).bytes += event.encodedDataLength;
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    await opts.ready?.(page);
    await page.waitForLoadState('networkidle');
    await cdp.detach();
    const fetched = [...seen.values()].filter((f) => f.url && !f.url.startsWith('data:'));
    if (process.env.BENCH_VERBOSE)
      for (const f of fetched)
        console.error(
          `  ${path}: ${f.status} ${f.fromCache ? 'cache' : f.encoding || 'identity'} ${f.bytes} ${f.url}`,
        );
    const encodings = new Set(fetched.filter((f) => f.encoding).map((f) => f.encoding));
    return {
      bytes: fetched.reduce((sum, f) => sum + f.bytes, 0),
      requests: fetched.length,
      fromCache: fetched.filter((f) => f.fromCache).length,
      notModified: fetched.filter((f) => f.status === 304).length,
      encodings: [...encodings].sort(),
    };
  } finally {
    await page.close();
  }
}
