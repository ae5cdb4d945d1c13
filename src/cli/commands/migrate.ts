import { withContext } from './open';

/** Migrations run at every start anyway; this applies them without starting the server. */
export async function run(): Promise<number> {
  await withContext(async (ctx) => console.log(`migrations applied (${ctx.database.kind})`));
  return 0;
}
