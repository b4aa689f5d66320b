import fs from 'node:fs';
import path from 'node:path';
import type { ClientBase } from 'pg';

/**
 * The SQL functions and triggers as source files (db/sql/*.sql, see db/sql/README.md) compared
 * with what a database built by the migrations defines: by running a file inside a transaction
 * that is rolled back and comparing pg_get_functiondef / pg_get_triggerdef before and after, so
 * PostgreSQL itself canonicalises both sides (only the whitespace is normalised). Used by
 * db/sql-functions.test.ts (the files cannot drift from the migrations) and by
 * `npm run db:migration` (a changed file goes into the new migration).
 */
export const SQL_SOURCES_DIR = path.join(__dirname, 'sql');

export interface SqlSource {
  /** db/sql/<name>.sql */
  name: string;
  file: string;
  sql: string;
}

export function readSqlSources(dir = SQL_SOURCES_DIR): SqlSource[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.sql'.length), file: path.join(dir, f), sql: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

interface CatalogEntry {
  /** 'function kds_queue_task(uuid,uuid,timestamp with time zone)' or 'trigger orders_changed_xid on orders'. */
  key: string;
  def: string;
  /** Written by the current transaction: a CREATE OR REPLACE rewrites the row even when nothing changed. */
  touched: boolean;
}

/** The schema's own functions (not an extension's; no aggregates) and user triggers. */
const CATALOG_SQL = `
  SELECT 'function ' || p.oid::regprocedure::text AS key, pg_get_functiondef(p.oid) AS def,
         p.xmin = pg_current_xact_id()::xid AS touched
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  UNION ALL
  SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text, pg_get_triggerdef(t.oid),
         t.xmin = pg_current_xact_id()::xid
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND NOT t.tgisinternal
  ORDER BY 1`;

const normalise = (def: string) => def.replace(/\s+/g, ' ').trim();

async function catalog(client: ClientBase): Promise<Map<string, CatalogEntry>> {
  const { rows } = await client.query<CatalogEntry>(CATALOG_SQL);
  return new Map(rows.map((r) => [r.key, { ...r, def: normalise(r.def) }]));
}

/** The functions and triggers the database defines (keys as in SourceComparison). */
export async function databaseObjects(client: ClientBase): Promise<string[]> {
  await client.query('BEGIN');
  try {
    return [...(await catalog(client)).keys()];
  } finally {
    await client.query('ROLLBACK');
  }
}

export interface SourceComparison {
  source: SqlSource;
  /** What the file (re)defines. */
  defines: string[];
  /** What the file would change: a definition that differs (database null: the database has none). */
  differences: Array<{ key: string; database: string | null; file: string }>;
  /** The file does not even run on the database (a syntax error, a changed return type…). */
  error: string | null;
}

/** Runs the file on `client`'s database inside a transaction that is rolled back, and tells what it would change. */
export async function compareSource(client: ClientBase, source: SqlSource): Promise<SourceComparison> {
  await client.query('BEGIN');
  try {
    // The triggers' CREATE OR REPLACE locks their tables (SHARE ROW EXCLUSIVE) until the rollback.
    await client.query("SET LOCAL lock_timeout = '10s'");
    const before = await catalog(client);
    try {
      await client.query(source.sql);
    } catch (err) {
      return { source, defines: [], differences: [], error: err instanceof Error ? err.message : String(err) };
    }
    const after = await catalog(client);
    const defines = [...after.values()].filter((e) => e.touched).map((e) => e.key);
    const differences = [...after.values()]
      .filter((e) => before.get(e.key)?.def !== e.def)
      .map((e) => ({ key: e.key, database: before.get(e.key)?.def ?? null, file: e.def }));
    return { source, defines, differences, error: null };
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Where two definitions part, with some context, for a message. */
export function firstDifference(database: string | null, file: string, context = 60): string {
  if (database === null) return `not in the database; the file defines: ${file.slice(0, 2 * context)}…`;
  let i = 0;
  while (i < database.length && i < file.length && database[i] === file[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - context), i + context));
  return `from character ${i}:\n    database: ${around(database)}\n    file:     ${around(file)}`;
}

/** The statements a migration needs for these changed files: each file as it is, named. */
export function migrationSqlFor(changed: SqlSource[]): string {
  return changed.map((s) => `-- db/sql/${s.name}.sql\n${s.sql.trimEnd()}\n`).join('\n');
}
