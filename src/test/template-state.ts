/**
 * What a freshly copied test database holds, and how to bring a used one back to it, so one
 * database can serve the test files of a worker one after the other instead of each file copying
 * and opening its own (opening a PGlite and creating a PostgreSQL database cost seconds per file;
 * emptying the few tables a file wrote costs milliseconds).
 *
 * `captureTemplateState` reads a database still exactly as the migrations left it;
 * `resetToTemplate` deletes every row, puts back the rows the template had, rewinds the
 * sequences, drops the schemas the file created (pg-boss's) and then compares the catalog with the
 * template's. Anything else a file changed in the schema shows as a different catalog, and the
 * caller throws that database away instead of reusing it.
 */
type Sql = (text: string, values?: unknown[]) => Promise<{ rows: any[] }>;

export interface TemplateState {
  /** the schemas of the template (public, drizzle, …); any other schema is a file's own */
  schemas: string[];
  /** every table outside the system schemas and drizzle's, a referencing table before its target */
  tables: string[];
  /** false when foreign keys make a cycle, so that only a superuser can delete every row */
  ordered: boolean;
  /** rows a migration put in the template, per table, as JSON */
  rows: Array<{ table: string; json: string }>;
  /** every sequence's position in the template */
  sequences: Array<{ name: string; value: string; called: boolean }>;
  /** a digest of the catalog rows that describe the schema */
  catalog: string;
}

const userSchema = (column: string) =>
  `${column} NOT IN ('information_schema', 'pg_catalog', 'pg_toast') AND ${column} NOT LIKE 'pg\\_temp\\_%' AND ${column} NOT LIKE 'pg\\_toast\\_temp\\_%'`;

/**
 * Every statement that changes the schema inserts, updates or deletes rows of these catalogs (an
 * update gives a row a new xmin), while deleting rows, setval and statistics leave them as they
 * are: so the number of rows and the sum of their xmins tell whether anything about the schema
 * differs from the template's. Cheap enough to check after every file, unlike describing it all.
 */
const CATALOG = (() => {
  const namespaces = `(SELECT oid FROM pg_namespace WHERE ${userSchema('nspname')})`;
  const relations = `(SELECT oid FROM pg_class WHERE relnamespace IN ${namespaces})`;
  const types = `(SELECT oid FROM pg_type WHERE typnamespace IN ${namespaces})`;
  const catalogs: Array<[string, string]> = [
    ['pg_namespace', `oid IN ${namespaces}`],
    ['pg_class', `relnamespace IN ${namespaces}`],
    ['pg_attribute', `attrelid IN ${relations}`],
    ['pg_attrdef', `adrelid IN ${relations}`],
    ['pg_index', `indrelid IN ${relations}`],
    ['pg_constraint', `connamespace IN ${namespaces}`],
    ['pg_trigger', `tgrelid IN ${relations}`],
    ['pg_rewrite', `ev_class IN ${relations}`],
    ['pg_sequence', `seqrelid IN ${relations}`],
    ['pg_policy', `polrelid IN ${relations}`],
    ['pg_type', `typnamespace IN ${namespaces}`],
    ['pg_enum', `enumtypid IN ${types}`],
    ['pg_proc', `pronamespace IN ${namespaces}`],
    ['pg_extension', 'true'],
    [
      'pg_db_role_setting',
      'setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))',
    ],
  ];
  return catalogs
    .map(
      ([catalog, where]) =>
        `SELECT '${catalog} ' || count(*) || ' ' || coalesce(sum(xmin::text::bigint), 0) AS rows FROM ${catalog} WHERE ${where}`,
    )
    .join('\nUNION ALL\n');
})();

const quote = (name: string) => `'${name.replaceAll("'", "''")}'`;

export async function captureTemplateState(sql: Sql): Promise<TemplateState> {
  const schemas = (await sql(`SELECT nspname FROM pg_namespace WHERE ${userSchema('nspname')}`)).rows.map(
    (r) => r.nspname as string,
  );
  const tables = (
    await sql(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'drizzle' AND ${userSchema('n.nspname')}`,
    )
  ).rows.map((r) => r.name as string);
  const references = (
    await sql(
      `SELECT format('%I.%I', cn.nspname, c.relname) AS child, format('%I.%I', pn.nspname, p.relname) AS parent
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
       WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
    )
  ).rows as Array<{ child: string; parent: string }>;
  const order = referencingFirst(tables, references);
  const rows: TemplateState['rows'] = [];
  for (const table of tables) {
    const { rows: found } = await sql(`SELECT json_agg(t)::text AS json FROM ${table} t HAVING count(*) > 0`);
    if (found[0]?.json) rows.push({ table, json: found[0].json });
  }
  const sequences = (
    await sql(
      `SELECT format('%I.%I', schemaname, sequencename) AS name,
              coalesce(last_value, start_value)::text AS value, last_value IS NOT NULL AS called
       FROM pg_sequences WHERE schemaname <> 'drizzle'`,
    )
  ).rows as TemplateState['sequences'];
  return {
    schemas,
    tables: order ?? tables,
    ordered: order !== null,
    rows,
    sequences,
    catalog: await catalogDigest(sql),
  };
}

/** A table with more rows than this is vacuumed once emptied, so later files find no dead rows. */
const MANY_ROWS = 1000;

/**
 * Brings a database a test file used back to the template's state. Answers false when its catalog
 * then still differs from the template's (the file changed the schema): throw that one away.
 * `sql` runs on the one session doing the reset; nothing else may use the database meanwhile.
 */
export async function resetToTemplate(sql: Sql, state: TemplateState): Promise<boolean> {
  const superuser = (await sql('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0]
    ?.rolsuper;
  // foreign keys in a cycle, and no superuser to skip their checks: no order deletes them all
  if (!state.ordered && !superuser) return false;
  const extra = (
    await sql(
      `SELECT nspname, format('%I', nspname) AS quoted FROM pg_namespace WHERE ${userSchema('nspname')}`,
    )
  ).rows
    .filter((r) => !state.schemas.includes(r.nspname))
    .map((r) => r.quoted as string);
  // the tables the file wrote to (counted up to MANY_ROWS + 1): the others need nothing
  const written = (
    await sql(
      state.tables
        .map(
          (table, i) =>
            `SELECT ${i} AS i, (SELECT count(*)::int FROM (SELECT FROM ${table} LIMIT ${MANY_ROWS + 1}) r) AS n`,
        )
        .join(' UNION ALL '),
    )
  ).rows.filter((r) => r.n > 0) as Array<{ i: number; n: number }>;
  written.sort((a, b) => a.i - b.i); // in the order of state.tables
  const tables = written.map((w) => state.tables[w.i]!);
  const statements = [
    'BEGIN',
    ...extra.map((name) => `DROP SCHEMA ${name} CASCADE`),
    // every row goes, so checking foreign keys row by row is wasted work (a superuser may skip it)
    ...(superuser ? ['SET LOCAL session_replication_role = replica'] : []),
    // deleting is far cheaper than TRUNCATE for the handful of rows a test file writes
    ...tables.map((table) => `DELETE FROM ${table}`),
    ...state.rows.map(
      ({ table, json }) =>
        `INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${table}, ${quote(json)})`,
    ),
    ...(state.sequences.length
      ? [
          `SELECT ${state.sequences.map((s) => `setval(${quote(s.name)}, ${s.value}, ${s.called})`).join(', ')}`,
        ]
      : []),
    'COMMIT',
  ];
  await sql(statements.join(';\n'));
  for (const w of written) if (w.n > MANY_ROWS) await sql(`VACUUM ${state.tables[w.i]}`);
  return (await catalogDigest(sql)) === state.catalog;
}

async function catalogDigest(sql: Sql) {
  const { rows } = await sql(CATALOG);
  return rows
    .map((r) => r.rows as string)
    .sort()
    .join(', ');
}

/** The tables ordered so that each comes before the tables it references; null on a cycle. */
function referencingFirst(tables: string[], references: Array<{ child: string; parent: string }>) {
  const ordered: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    // a table nothing left references can go now
    const free = [...left].filter((t) => !references.some((r) => r.parent === t && left.has(r.child)));
    if (!free.length) return null;
    for (const t of free) {
      ordered.push(t);
      left.delete(t);
    }
  }
  return ordered;
}
