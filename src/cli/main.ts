import { ConfigError, loadConfig } from '../config';

/** `npm run cli -- <command> [args]`: admin tasks on the configured database (DATABASE_URL or DATA_DIR). */
const commands: Record<
  string,
  { summary: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }
> = {
  setup: {
    summary: 'setup --email E --name N [--password P]: start a real install (first admin; never the demo)',
    load: () => import('./commands/setup'),
  },
  migrate: { summary: 'apply database migrations', load: () => import('./commands/migrate') },
  'api-key': {
    summary: 'api-key create --name NAME [--scopes jobs:write,masterdata:write]',
    load: () => import('./commands/api-key'),
  },
  user: {
    summary: 'user create --email E --name N --role R [--password P]',
    load: () => import('./commands/user'),
  },
  import: {
    summary: 'import <kind> <file> [--dry-run] [--mapping field=column,…]',
    load: () => import('./commands/import'),
  },
  'tenant-data': {
    summary: 'tenant-data export <externalId> [--out F] | erase <externalId> --confirm <externalId> (AVG)',
    load: () => import('./commands/tenant-data'),
  },
  'demo-data': {
    summary: 'demo-data [--scale N] [--seed S]: (re)generate the demo organisation',
    load: () => import('./commands/demo-data'),
  },
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.log('usage: npm run cli -- <command>\n');
    for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(10)} ${c.summary}`);
    return name ? 2 : 0;
  }
  loadConfig(); // fail early, naming a wrong variable
  return (await command.load()).run(args);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `error: ${err?.message ?? err}`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  },
);
