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
