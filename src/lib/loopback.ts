import { isIP } from 'node:net';

/**
 * Whether an address (an IP as Fastify's request.ip gives it) is this machine itself: 127.0.0.0/8,
 * ::1, or an IPv4 loopback address mapped into IPv6.
 */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const ip = address.replace(/^\[|\]$/g, '').replace(/^::ffff:/i, '');
  if (isIP(ip) === 4) return ip.startsWith('127.');
  return isIP(ip) === 6 && /^(0{0,4}:){2,7}0{0,3}1$/.test(ip);
}

/** Whether a URL points at this machine itself (localhost, 127.x.x.x or [::1]), whatever the port. */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}

/** The three names a browser on this machine may use for a server on the port. */
export const loopbackOrigins = (port: number) =>
  ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${port}`);
