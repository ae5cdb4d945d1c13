import { z } from 'zod';
import { loopbackOrigins } from './lib/loopback';

/** Business logic always runs in the corporation's time zone, whatever the host says (business-time.ts). */
export { BUSINESS_TIME_ZONE } from './domain/business-time/business-time';

const url = (what: string) =>
  z.string().refine((v) => URL.canParse(v), { message: `must be a URL (${what})` });

export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url('postgres://user@host:5432/db').optional(),
  PUBLIC_URL: url('https://feedback.example.nl').optional(),
  SMTP_URL: url('smtp://user:pass@host:587').optional(),
  MAIL_FROM: z.string().optional(),
  SMS_URL: url('https://gateway.example/send').optional(),
  /** bearer token for the SMS gateway, when it is not in SMS_URL's userinfo */
  SMS_TOKEN: z.string().optional(),
  ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** which proxies may set X-Forwarded-For: 'false' (default), 'true', a hop count, or addresses/CIDRs, comma-separated */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** the console's log lines: `pretty` for a person, `json` lines for a collector; `auto` = pretty on a terminal */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** /api/v1 requests a minute per signed-in user and per API key, in each web process; 0: no limit */
  USER_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).default(6000),
  /** below this many responses a dashboard hides a score and shows only the count */
  METRICS_MINIMUM_N: z.coerce.number().int().min(1).max(1000).default(5),
  /** after this many months a response loses every link to the tenant (AVG/GDPR); the figures stay */
  RESPONSE_RETENTION_MONTHS: z.coerce
    .number()
    .int('must be a whole number of months')
    .min(1, 'must be 1–120 months')
    .max(120, 'must be 1–120 months')
    .default(24),
  /**
   * Tests only, and refused unless NODE_ENV=test: survey invitations and reminders may go out in the
   * quiet hours (21:00–08:00 Amsterdam), so a browser journey can run at any hour. Never in production.
   */
  TEST_SEND_IN_QUIET_HOURS: z.enum(['yes', 'no']).default('no'),
});
export type TConfig = z.infer<typeof ZConfig> & {
  publicUrl: string;
  /**
   * The origins a signed-in browser may write from (CSRF check, better-auth's trusted origins): that of
   * PUBLIC_URL, or — while PUBLIC_URL is not set — each name of this machine on PORT, because people
   * type http://127.0.0.1:3000 as often as http://localhost:3000.
   */
  allowedOrigins: string[];
};

export class ConfigError extends Error {}

/** Parses the environment; a wrong value names the variable and what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ZConfig.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.TEST_SEND_IN_QUIET_HOURS === 'yes' && env.NODE_ENV !== 'test') {
    throw new ConfigError(
      'Invalid configuration:\n  TEST_SEND_IN_QUIET_HOURS: only allowed with NODE_ENV=test (tenants are never surveyed between 21:00 and 08:00)',
    );
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  const allowedOrigins = c.PUBLIC_URL ? [new URL(publicUrl).origin] : loopbackOrigins(c.PORT);
  return { ...c, publicUrl, allowedOrigins };
}
