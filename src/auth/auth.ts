import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError } from 'better-auth/api';
import { magicLink } from 'better-auth/plugins/magic-link';
import { eq } from 'drizzle-orm';
import type { TConfig } from '../config';
import type { Db } from '../db/client';
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema';
import { recordAudit } from '../domain/audit/record-audit';
import type { Mailer } from '../domain/messages/mailer';
import { DEMO_SIGN_IN_REFUSED, demoSignInRefusalFor, isDemoAccount } from './demo-sign-in';
import { loginAttemptHooks } from './login-attempts';
import { originRefusalPlugin } from './origins';

// algorithm 2 is Argon2id (the package exports it as a const enum, which isolatedModules cannot read)
const argon2id = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, argon2id);

/**
 * The client address as the HTTP layer determined it (src/http/routes/auth.ts sets it and drops any
 * copy the client sent), so rate limiting and session records see one trustworthy value.
 */
export const CLIENT_IP_HEADER = 'x-achtplus-client-ip';

/**
 * better-auth does sign-in (password and magic link), sessions, password reset and login rate
 * limiting. Sign-up is off: accounts are made by admins (or the demo seeder).
 */
/**
 * Per client address and minute. Staff of a depot or office often share one address, so the limit
 * must allow a morning rush while still making password guessing (argon2id, 10+ characters) hopeless.
 */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

export function createAuth(opts: { db: Db; config: TConfig; secret: string; mailer: Mailer }) {
  const { db, config, mailer } = opts;
  return betterAuth({
    appName: 'achtplus',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: config.allowedOrigins,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    user: {
      additionalFields: {
        role: { type: 'string', input: false },
        employeeId: { type: 'number', required: false, input: false },
        contractorContactId: { type: 'number', required: false, input: false },
        locale: { type: 'string', required: false, input: false },
        disabled: { type: 'boolean', required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      password: { hash: hashPassword, verify: ({ hash: h, password }) => verify(h, password) },
      resetPasswordTokenExpiresIn: 60 * 60,
      // a reset means the old password may be known to someone else: end every session
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url }) {
        await mailer.sendEmail({
          kind: 'password_reset',
          to: user.email,
          subject: 'Nieuw wachtwoord instellen voor achtplus',
          text: `Hallo ${user.name},\n\nStel een nieuw wachtwoord in via deze link (een uur geldig):\n${url}\n\nHeb je dit niet aangevraagd? Dan kun je dit bericht negeren.`,
        });
      },
    },
    plugins: [
      originRefusalPlugin(config),
      magicLink({
        disableSignUp: true,
        expiresIn: 15 * 60,
        async sendMagicLink({ email, url }) {
          // only to people who have an account that may sign in: no mail to strangers (mail bombing)
          const [user] = await db
            .select({ disabled: users.disabled })
            .from(users)
            .where(eq(users.email, email.trim().toLowerCase()));
          if (!user || user.disabled) return;
          await mailer.sendEmail({
            kind: 'magic_link',
            to: email,
            subject: 'Inloggen bij achtplus',
            text: `Log in bij achtplus met deze link (15 minuten geldig, één keer te gebruiken):\n${url}`,
          });
        },
      }),
    ],
    // accounts are managed by admins (src/domain/users): users may not rename themselves or change
    // their e-mail through better-auth's own endpoints, and there is no sign-up
    disabledPaths: ['/update-user', '/change-email', '/delete-user', '/sign-up/email'],
    // per account as well as per address: at most 10 password attempts within 15 minutes (login-attempts.ts)
    hooks: loginAttemptHooks(db, opts.secret),
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        '/sign-in/magic-link': { window: 60, max: 10 },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: config.publicUrl.startsWith('https://'),
      cookiePrefix: 'achtplus',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      // better-auth skips its Origin check when NODE_ENV=test; say it outright so tests see production behaviour
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // a disabled account gets no new session, whichever way it signs in (password, magic link,
          // reset), and a demo account none outside a demo on this machine (demo-sign-in.ts)
          async before(session) {
            const [user] = await db
              .select({ disabled: users.disabled, email: users.email })
              .from(users)
              .where(eq(users.id, session.userId));
            if (!user || user.disabled) {
              throw new APIError('FORBIDDEN', {
                message: 'Dit account is uitgeschakeld. / This account has been disabled.',
                code: 'ACCOUNT_DISABLED',
              });
            }
            const demoRefusal = isDemoAccount(user.email)
              ? await demoSignInRefusalFor(db, config, session.ipAddress)
              : null;
            if (demoRefusal)
              throw new APIError('FORBIDDEN', { message: demoRefusal, code: DEMO_SIGN_IN_REFUSED });
          },
          async after(session) {
            await recordAudit({
              db,
              actor: null,
              action: 'auth.signed_in',
              subjectType: 'user',
              subjectId: session.userId,
              details: { userId: session.userId },
              ip: session.ipAddress ?? undefined,
            });
          },
        },
      },
    },
  });
}
export type Auth = ReturnType<typeof createAuth>;
