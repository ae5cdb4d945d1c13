import pg from 'pg';

/**
 * Creating and dropping throw-away databases on a PostgreSQL server, for the tests, their global
 * setup and the benches. `adminUrl` names a database to connect to for it (usually `postgres`).
 * Here, in src/db/, because only src/db/ knows the drivers.
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

/** Raw SQL on one connection of its own to `url`, closed afterwards (several statements allowed). */
export type SqlSession = (text: string) => Promise<{ rows: any[] }>;

export async function withSqlSession<T>(url: string, fn: (sql: SqlSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(async (text) => {
      const result = (await client.query(text)) as pg.QueryResult | pg.QueryResult[];
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    });
  } finally {
    await client.end();
  }
}

/** The names the test workers give their copies of template database `template`. */
export function copyPrefix(template: string) {
  return `${template.replace('_tpl_', '_t_')}_`;
}
