import type { AppContext } from '../context';
import { createAuth } from './auth';

/**
 * A link to choose a password (better-auth's password reset, valid an hour), handed back instead of
 * put in the outbox: the first admin of an install has nobody who could read the outbox for them.
 */
export async function passwordLink(
  ctx: Pick<AppContext, 'db' | 'config' | 'secret' | 'mailer'>,
  email: string,
): Promise<string> {
  let link: string | undefined;
  const mailer = {
    ...ctx.mailer,
    async sendEmail(message: { text: string }) {
      link = message.text.match(/https?:\/\/\S+/)?.[0];
      return 0;
    },
  };
  const auth = createAuth({ db: ctx.db, config: ctx.config, secret: ctx.secret, mailer });
  await auth.api.requestPasswordReset({
    body: { email, redirectTo: `${ctx.config.publicUrl}/reset-password` },
  });
  if (!link) throw new Error(`no password link was made for ${email}`);
  return link;
}
