import { createHmac } from 'node:crypto';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { loginAttempts } from '../db/schema';

/**
 * Password sign-in attempts per account, whichever addresses they come from (better-auth's own rate
 * limit counts per client address). An attempt is counted before the password is checked, in one
 * statement that also refuses it once MAX attempts lie within WINDOW of each other, so attempts running
 * at the same moment in several processes cannot slip past the bound; a wrong password keeps its count,
 * a successful sign-in clears them, any other outcome (malformed request, disabled account) gives its
 * count back. The count restarts when WINDOW has passed since the last attempt. The answer is the
 * same for an address with or without an account: only a keyed hash of the e-mail is stored.
 */
export const LOGIN_ATTEMPTS = { max: 10, windowSeconds: 15 * 60 };

const SIGN_IN_PATH = '/sign-in/email';
const TOO_MANY = 'Too many requests. Please try again later.';

/**
 * The count's key: an HMAC of the normalised e-mail with the install's secret (shared by its
 * processes), so a list of likely addresses cannot be hashed and matched against the table.
 */
export const loginAttemptKey = (secret: string, email: string) =>
  createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('hex');

export function loginAttemptHooks(db: Db, secret: string, limit = LOGIN_ATTEMPTS) {
  const windowMs = limit.windowSeconds * 1000;
  let prunedAt = 0;
  const keyOf = (body: unknown) => {
    const email = (body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' ? loginAttemptKey(secret, email) : null;
  };

  const before = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const key = keyOf(ctx.body);
    if (!key) return; // better-auth refuses the body itself
    const now = new Date();
    const windowStart = new Date(now.getTime() - windowMs);
    const counted = await db
      .insert(loginAttempts)
      .values({ key, attempts: 1, lastAttemptAt: now })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          attempts: sql`case when ${loginAttempts.lastAttemptAt} <= ${windowStart} then 1 else ${loginAttempts.attempts} + 1 end`,
          lastAttemptAt: now,
        },
        setWhere: sql`${loginAttempts.attempts} < ${limit.max} or ${loginAttempts.lastAttemptAt} <= ${windowStart}`,
      })
      .returning({ attempts: loginAttempts.attempts });
    if (counted.length) return;
    const [row] = await db
      .select({ lastAttemptAt: loginAttempts.lastAttemptAt })
      .from(loginAttempts)
      .where(eq(loginAttempts.key, key));
    const retryAfter = Math.max(
      1,
      Math.ceil(((row?.lastAttemptAt.getTime() ?? now.getTime()) + windowMs - now.getTime()) / 1000),
    );
    throw new APIError('TOO_MANY_REQUESTS', { message: TOO_MANY }, { 'X-Retry-After': String(retryAfter) });
  });

  const after = createAuthMiddleware(async (ctx) => {
    if (ctx.path !== SIGN_IN_PATH) return;
    const key = keyOf(ctx.body);
    if (!key) return;
    const returned = ctx.context.returned;
    if (!isAPIError(returned)) {
      await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
    } else if (returned.statusCode !== 401) {
      await db
        .update(loginAttempts)
        .set({ attempts: sql`${loginAttempts.attempts} - 1` })
        .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attempts, 0)));
    }
    // counts whose window has passed are worth nothing: drop them now and then
    const now = Date.now();
    if (now - prunedAt > 60_000) {
      prunedAt = now;
      await db.delete(loginAttempts).where(lt(loginAttempts.lastAttemptAt, new Date(now - windowMs)));
    }
  });

  return { before, after };
}
