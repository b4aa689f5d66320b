/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the existing migrations to prisma/schema.prisma (the offline stand-in for
 * `prisma migrate dev --create-only`), followed by every db/sql/*.sql file (SQL functions and
 * triggers, see db/sql/README.md) that differs from what the existing migrations define. Review
 * the file, then commit it.
 *
 * The engine replays the migrations in a scratch database: DATABASE_URL's server when set,
 * otherwise a throwaway embedded PostgreSQL; the function files are compared in another one.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { applyMigrations, diffSchema, LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATIONS_DIR } from '../db/migrate';
import { compareSource, databaseObjects, migrationSqlFor, readSqlSources, type SqlSource } from '../db/sql-functions';
import { getFreePort } from '../temporal/ports';

/** Prisma's directory-name timestamp: UTC YYYYMMDDHHMMSS. */
export function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-migration-'));
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await getFreePort(), persistent: false });
  try {
    return await fn(pg.url);
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/**
 * The db/sql files that differ from what the existing migrations define (each with why it does not
 * even run over them, if so), and the functions and triggers the migrations define but no file
 * does. The migrations are replayed into a scratch database on `serverUrl`'s server, dropped after.
 */
async function changedSqlSources(serverUrl: string): Promise<{ changed: Array<{ source: SqlSource; error: string | null }>; untracked: string[] }> {
  const name = `sqlsrc_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations({ databaseUrl: url.toString() });
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const results = [];
      for (const source of readSqlSources()) results.push(await compareSource(client, source));
      const defined = new Set(results.flatMap((r) => r.defines));
      return {
        changed: results.filter((r) => r.error !== null || r.differences.length > 0).map((r) => ({ source: r.source, error: r.error })),
        untracked: (await databaseObjects(client)).filter((key) => !defined.has(key)),
      };
    } finally {
      await client.end();
    }
  } finally {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and _ only)');
    process.exit(2);
  }
  const { schema, functions } = await withScratchDatabase(async (databaseUrl) => ({
    schema: await diffSchema({ databaseUrl }),
    functions: await changedSqlSources(databaseUrl),
  }));
  for (const key of functions.untracked) {
    console.warn(`${key} is defined by the migrations but by no file in db/sql/: add its file, or DROP it in this migration by hand.`);
  }
  const changed = functions.changed.map(({ source, error }) => {
    if (error === null) return source;
    // E.g. a changed return type, which CREATE OR REPLACE cannot make: the migration needs a DROP FUNCTION first.
    console.warn(`db/sql/${source.name}.sql does not run over the existing definition (${error}): add what it needs above it (see db/sql/README.md).`);
    return { ...source, sql: `-- Needs a manual step first: ${error.replace(/\s+/g, ' ')}\n${source.sql}` };
  });
  const parts = [schema, changed.length > 0 ? migrationSqlFor(changed) : null].filter((p): p is string => p !== null);
  if (parts.length === 0) {
    console.log('No changes: prisma/schema.prisma and db/sql/ match the existing migrations.');
    return;
  }
  const sql = parts.map((p) => p.trimEnd()).join('\n\n') + '\n';
  const dir = path.join(MIGRATIONS_DIR, `${migrationTimestamp()}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
  fs.writeFileSync(path.join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT);
  console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
