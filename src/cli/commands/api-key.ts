import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApiKey } from '../../domain/api-keys/create-api-key';
import { apiKeyScopes, systemActor } from '../../policy/actor';
import { withContext } from './open';

const USAGE = `usage: npm run cli -- api-key create --name NAME [--scopes ${apiKeyScopes.join(',')}]
  default scopes: all of them`;

const ZArgs = z.object({
  name: z.string().trim().min(1, '--name is required'),
  scopes: z
    .array(z.enum(apiKeyScopes, { message: `--scopes: each must be one of ${apiKeyScopes.join(', ')}` }))
    .min(1),
});

/** Creates a key for an integration; the token is printed once and cannot be shown again. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    console.error(USAGE);
    return 2;
  }
  let values: { name?: string; scopes?: string };
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { name: { type: 'string' }, scopes: { type: 'string' } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const parsed = ZArgs.safeParse({
    name: values.name ?? '',
    scopes: values.scopes
      ? values.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...apiKeyScopes],
  });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`);
    return 2;
  }
  const key = await withContext((ctx) =>
    createApiKey({
      db: ctx.db,
      actor: systemActor('cli'),
      name: parsed.data.name,
      scopes: [...new Set(parsed.data.scopes)],
    }),
  );
  console.log(`API key "${key.name}" (id ${key.id}, scopes ${key.scopes.join(',')}) created.`);
  console.log('Store this token now; it is shown only once:\n');
  console.log(key.token);
  return 0;
}
