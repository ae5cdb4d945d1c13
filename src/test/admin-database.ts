import pg from 'pg';

/**
 * Creating and dropping throw-away databases on a PostgreSQL server, for the tests, their global
 * setup and the benches. `adminUrl` names a database to connect to for it (usually `postgres`).
 */
async function adminQuery(adminUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Creates database `name` (a copy of `template` when given) and answers its URL on the same server. */
export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await adminQuery(
    adminUrl,
    template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name`, closing any connections still open to it. */
export async function dropDatabase(adminUrl: string, name: string) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Drops every database whose name starts with `prefix` (letters, digits and underscores only). */
export async function dropDatabasesNamed(adminUrl: string, prefix: string) {
  if (!/^\w+$/.test(prefix)) throw new Error(`not a database name prefix: ${prefix}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let names: string[];
  try {
    const pattern = `${prefix.replaceAll('_', '\\_')}%`;
    names = (await admin.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [pattern])).rows.map(
      (r) => r.datname,
    );
  } finally {
    await admin.end();
  }
  for (const name of names) await dropDatabase(adminUrl, name);
}

/** The names the test workers give their copies of template database `template`. */
export function copyPrefix(template: string) {
  return `${template.replace('_tpl_', '_t_')}_`;
}
