/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with
 * the SQL that takes the existing migrations to prisma/schema.prisma (the offline stand-in for
 * `prisma migrate dev --create-only`). Review the file, then commit it.
 *
 * The engine replays the migrations in a scratch database: DATABASE_URL's server when set,
 * otherwise a throwaway embedded PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { diffSchema, LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATIONS_DIR } from '../db/migrate';
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

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -- <name>   (lowercase letters, digits and _ only)');
    process.exit(2);
  }
  const sql = await withScratchDatabase((databaseUrl) => diffSchema({ databaseUrl }));
  if (sql === null) {
    console.log('No changes: prisma/schema.prisma matches the existing migrations.');
    return;
  }
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
