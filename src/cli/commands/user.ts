import { parseArgs } from 'node:util';
import { z } from 'zod';
import { userRoles } from '../../db/schema';
import { createUser } from '../../domain/users/create-user';
import { systemActor } from '../../policy/actor';
import { printingRefusals } from '../refusals';
import { withContext } from './open';

const USAGE = `usage: npm run cli -- user create --email E --name N --role R [--password P] [--employee-id N] [--contractor-contact-id N]
  roles: ${userRoles.join(', ')}
  without --password the user signs in by magic link`;

const ZArgs = z.object({
  email: z.email('--email must be an e-mail address'),
  name: z.string().trim().min(1, '--name is required'),
  role: z.enum(userRoles, { message: `--role must be one of ${userRoles.join(', ')}` }),
  password: z.string().min(10, '--password must be at least 10 characters').optional(),
  employeeId: z.coerce.number().int().positive('--employee-id must be a number').optional(),
  contractorContactId: z.coerce
    .number()
    .int()
    .positive('--contractor-contact-id must be a number')
    .optional(),
});

/** Creates an account from the command line, e.g. the first admin of a fresh install. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    console.error(USAGE);
    return 2;
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        'employee-id': { type: 'string' },
        'contractor-contact-id': { type: 'string' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = ZArgs.safeParse({
    email: values.email ?? '',
    name: values.name ?? '',
    role: values.role,
    password: values.password,
    employeeId: values['employee-id'],
    contractorContactId: values['contractor-contact-id'],
  });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
    return 2;
  }
  return printingRefusals(async () => {
    const user = await withContext((ctx) =>
      createUser({ db: ctx.db, actor: systemActor('cli'), ...parsed.data }),
    );
    console.log(
      `User ${user.email} (${user.role}, id ${user.id}) created; ${parsed.data.password ? 'signs in with the password given' : 'signs in by magic link'}.`,
    );
    return 0;
  });
}
