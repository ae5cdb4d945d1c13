import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { passwordLink } from '../../auth/password-link';
import { setUpInstall } from '../../domain/organisation/set-up-install';
import { isLoopbackUrl } from '../../lib/loopback';
import { printingRefusals } from '../refusals';
import { withContext } from './open';

const USAGE = `usage: npm run cli -- setup --email E --name N [--password P]
  starts a real install: creates its first admin on an empty database; the demo is never added to it.
  On a terminal, e-mail and name are asked when not given. Without --password it prints a link (valid
  one hour) where the admin chooses a password.`;

export const ZSetupArgs = z.object({
  email: z.email('--email must be an e-mail address'),
  name: z.string().trim().min(1, '--name is required'),
  password: z.string().min(10, '--password must be at least 10 characters').optional(),
});

/** `setup`: the documented way to start a real install (README, "Run it for a corporation"). */
export async function run(args: string[]): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const asked = await askMissing(values);
  const parsed = ZSetupArgs.safeParse(asked);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
    return 2;
  }
  return withContext((ctx) =>
    printingRefusals(async () => {
      const admin = await setUpInstall({ ctx, ...parsed.data });
      console.log(`Set up for real use: the demo will never be added to this database.`);
      console.log(`First admin ${admin.email} (${admin.name}) created.`);
      if (parsed.data.password) console.log(`Sign in at ${ctx.config.publicUrl} with the password given.`);
      else {
        console.log(`Open this link within an hour to choose the password, then sign in:`);
        console.log(`  ${await passwordLink(ctx, admin.email)}`);
      }
      if (!ctx.config.PUBLIC_URL || isLoopbackUrl(ctx.config.publicUrl))
        console.log(
          `PUBLIC_URL is ${ctx.config.PUBLIC_URL ? ctx.config.publicUrl : 'not set'}: set it to the address people will use (e.g. https://feedback.corporatie.nl) before they do.`,
        );
      return 0;
    }),
  );
}

/** On a terminal, asks for what was not given; elsewhere (scripts) a missing value is an error. */
async function askMissing(values: Record<string, string | undefined>) {
  const result = { email: values.email ?? '', name: values.name ?? '', password: values.password };
  if (!process.stdin.isTTY || (result.email && result.name)) return result;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    if (!result.email) result.email = (await rl.question('E-mail address of the first admin: ')).trim();
    if (!result.name) result.name = (await rl.question('Name: ')).trim();
  } finally {
    rl.close();
  }
  return result;
}
