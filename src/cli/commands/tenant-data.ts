import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context';
import { tenants } from '../../db/schema';
import { eraseTenantData } from '../../domain/tenants/erase-tenant-data';
import { exportTenantData } from '../../domain/tenants/export-tenant-data';
import { systemActor } from '../../policy/actor';
import { printingRefusals } from '../refusals';
import { withContext } from './open';

const USAGE = `usage: npm run cli -- tenant-data export <externalId> [--out file.json]
       npm run cli -- tenant-data erase <externalId> --confirm <externalId>
  export: everything about the tenant as JSON (to stdout without --out)
  erase:  erases the tenant's personal data for good; the figures stay. Type the external id twice.`;

/** A tenant's AVG/GDPR request from the command line: export or erase, audited like the API. */
export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { sub, externalId, out, confirm } = parsed;
  if ((sub !== 'export' && sub !== 'erase') || !externalId) {
    console.error(USAGE);
    return 2;
  }
  if (sub === 'erase' && confirm === undefined) {
    console.error(`--confirm is required: repeat the external id (${externalId}) to erase.\n${USAGE}`);
    return 2;
  }
  const actor = systemActor('cli');
  return printingRefusals(() =>
    withContext(async (ctx) => {
      const tenantId = await tenantIdOf(ctx, externalId);
      if (tenantId === null) {
        console.error(`No tenant with external id ${externalId}.`);
        return 1;
      }
      if (sub === 'export') {
        const document = await exportTenantData({ db: ctx.db, actor, tenantId });
        const json = `${JSON.stringify(document, null, 2)}\n`;
        if (out) {
          writeFileSync(out, json, { mode: 0o600 });
          console.error(`Exported tenant ${externalId} to ${out}.`);
        } else process.stdout.write(json);
        return 0;
      }
      const erased = await eraseTenantData({ db: ctx.db, actor, tenantId, confirm: confirm! });
      console.log(
        `Erased tenant ${externalId}: ${erased!.responses} responses unlinked, ${erased!.invitations} invitations and ${erased!.messages} messages cleared.`,
      );
      return 0;
    }),
  );
}

function parse(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, confirm: { type: 'string' } },
  });
  const [sub, externalId, ...rest] = positionals;
  if (rest.length) throw new Error(`unexpected argument: ${rest[0]}`);
  return { sub, externalId, out: values.out, confirm: values.confirm };
}

async function tenantIdOf(ctx: AppContext, externalId: string) {
  const [row] = await ctx.db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.externalId, externalId));
  return row?.id ?? null;
}
