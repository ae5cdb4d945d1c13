import type { MessageProvider } from './providers';

const TIMEOUT_MS = 15_000;

/**
 * A generic HTTP SMS gateway: POST {"to", "text"} as JSON to SMS_URL; any 2xx means accepted.
 * A bearer token comes from SMS_TOKEN or from the URL's userinfo (https://TOKEN@gateway/send),
 * which is taken out of the URL before the request (fetch refuses URLs with credentials).
 */
export function createHttpSmsGateway(opts: { smsUrl: string; token?: string }): MessageProvider {
  const url = new URL(opts.smsUrl);
  const fromUrl = decodeURIComponent(url.password || url.username);
  const token = opts.token ?? (fromUrl || undefined);
  url.username = '';
  url.password = '';
  const endpoint = url.toString();
  return {
    async send(message) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: message.recipient, text: message.bodyText }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!response.ok) {
        const body = (await response.text().catch(() => '')).slice(0, 200);
        throw new Error(`SMS gateway answered ${response.status}${body ? `: ${body}` : ''}`);
      }
      await response.body?.cancel().catch(() => {});
    },
  };
}
