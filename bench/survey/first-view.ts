import { request } from 'node:http';

/** One HTTP answer as it crossed the wire (status line, headers, body; no compression is asked for). */
function fetchRaw(url: string) {
  return new Promise<{ status: number; bytes: number; body: string; type: string }>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`;
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          head += `${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`;
        resolve({
          status: res.statusCode ?? 0,
          bytes: Buffer.byteLength(`${head}\r\n`) + body.length,
          body: body.toString('utf8'),
          type: String(res.headers['content-type'] ?? ''),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Bytes of a first view of a page: the HTML and every resource it loads from the server (style
 * sheets, scripts, images, icons, and what a style sheet imports with url()). Returns the page's HTML too.
 */
export async function firstViewBytes(pageUrl: string) {
  const page = await fetchRaw(pageUrl);
  if (page.status !== 200) throw new Error(`first view: ${pageUrl} answered ${page.status}`);
  const seen = new Set<string>();
  let bytes = page.bytes;
  const queue = resourceUrls(page.body, pageUrl);
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url) || new URL(url).origin !== new URL(pageUrl).origin) continue;
    seen.add(url);
    const res = await fetchRaw(url);
    if (res.status !== 200) throw new Error(`first view: ${url} answered ${res.status}`);
    bytes += res.bytes;
    if (res.type.includes('css')) queue.push(...cssUrls(res.body, url));
  }
  return { bytes, html: page.body, resources: [...seen] };
}

function resourceUrls(htmlText: string, base: string) {
  const urls: string[] = [];
  for (const tag of htmlText.match(/<(link|script|img|source)\b[^>]*>/gi) ?? []) {
    if (/^<link/i.test(tag) && !/rel=["']?(stylesheet|icon|preload|modulepreload)/i.test(tag)) continue;
    const src = /\b(?:href|src)=["']([^"']+)["']/i.exec(tag)?.[1];
    if (src && !src.startsWith('data:')) urls.push(new URL(src.replaceAll('&amp;', '&'), base).toString());
  }
  urls.push(...cssUrls((htmlText.match(/<style[^>]*>[\s\S]*?<\/style>/gi) ?? []).join('\n'), base));
  return urls;
}

function cssUrls(css: string, base: string) {
  return [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
    .map((m) => m[1]!)
    .filter((u) => !u.startsWith('data:') && !u.startsWith('#'))
    .map((u) => new URL(u, base).toString());
}
