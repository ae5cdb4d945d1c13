import { DEMO_PASSWORD } from '../../src/demo/logins';
import type { ScreenSpec } from './plan';
import { type RoleName, roles, type ScreenName, screens } from './plan';

/** One request the bench times: a screen's API for a role, on the app or a reference. */
export interface ScreenRequest {
  url: string;
  headers: Record<string, string>;
}

/** Signs in with the demo password as a browser on this machine would; answers the cookie header. */
export async function signIn(appUrl: string, email: string) {
  const res = await fetch(`${appUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: appUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** The app's request for a screen as the staff app asks it (period year holding `today`, repairs). */
export function appRequest(appUrl: string, screen: ScreenName, cookie: string, today: string): ScreenRequest {
  const s = screens.find((x) => x.name === screen)!;
  const query =
    screen === 'reactions'
      ? new URLSearchParams({ page: '1', pageSize: '50' })
      : new URLSearchParams({ period: 'year', at: today, journey: 'repair', ...s.query });
  return { url: `${appUrl}${s.path}?${query}`, headers: { cookie, origin: appUrl } };
}

export function referenceRequest(referenceUrl: string, screen: ScreenName, spec: ScreenSpec): ScreenRequest {
  return {
    url: `${referenceUrl}/ref/${screen}?spec=${encodeURIComponent(JSON.stringify(spec))}`,
    headers: {},
  };
}

/** Milliseconds until the whole answer is read, and the answer; anything but 200 ends the bench. */
export async function timed(request: ScreenRequest) {
  const started = performance.now();
  const res = await fetch(request.url, { headers: request.headers });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${request.url} answered ${res.status}: ${body.slice(0, 500)}`);
  return { ms, json: JSON.parse(body) };
}

/** Cookies of every role on one app server. */
export async function sessions(appUrl: string) {
  const cookies = {} as Record<RoleName, string>;
  for (const role of roles) cookies[role.name] = await signIn(appUrl, role.email);
  return cookies;
}

/** The nearest-rank percentile (p in 0…1). */
export function percentile(values: readonly number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
