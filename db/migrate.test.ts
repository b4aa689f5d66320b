import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, diffSchema, LOCKFILE_CONTENT, MIGRATIONS_DIR, readMigrations, SCHEMA_PATH } from './migrate';
import { createScratchDatabase } from '../test/support/db';

// Real PostgreSQL (test/global-setup.ts); each test migrates a scratch database of its own.
jest.setTimeout(60_000);

const drops: Array<() => Promise<void>> = [];
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function scratch() {
  const db = await createScratchDatabase('migrate');
  drops.push(db.drop);
  return db;
}

async function query<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

function migrationsDirWith(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-migrations-'));
  tmpDirs.push(dir);
  fs.writeFileSync(path.join(dir, 'migration_lock.toml'), LOCKFILE_CONTENT);
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('applyMigrations', () => {
  it('applies every migration to an empty database and records it the way prisma migrate deploy does', async () => {
    const db = await scratch();
    const names = readMigrations().migrationDirectories.map((m) => m.path);
    const result = await applyMigrations({ databaseUrl: db.url });
    expect(result.applied).toEqual(names);

    const history = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      db.url,
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(history.map((h) => h.migration_name)).toEqual(names);
    for (const h of history) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, h.migration_name, 'migration.sql'));
      expect(h.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(h.finished_at).toBeInstanceOf(Date);
      expect(h.rolled_back_at).toBeNull();
    }
    const tables = await query<{ table_name: string }>(db.url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['tenants', 'orders', 'task_instances', 'sync_logs']));
  });

  it('applies nothing on a second run and leaves the history as it was', async () => {
    const db = await scratch();
    await applyMigrations({ databaseUrl: db.url });
    const before = await query(db.url, 'SELECT * FROM _prisma_migrations ORDER BY id');
    const again = await applyMigrations({ databaseUrl: db.url });
    expect(again.applied).toEqual([]);
    expect(await query(db.url, 'SELECT * FROM _prisma_migrations ORDER BY id')).toEqual(before);
  });

  it('runs a migration as one script, so semicolons inside literals and function bodies survive', async () => {
    const db = await scratch();
    const dir = migrationsDirWith({
      '20200101000000_literals': `CREATE TABLE notes (body text);
INSERT INTO notes VALUES ('salt; pepper; oil');
CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 2; END; $$;`,
    });
    await applyMigrations({ databaseUrl: db.url, migrationsDir: dir });
    expect(await query(db.url, 'SELECT body, two() AS two FROM notes')).toEqual([{ body: 'salt; pepper; oil', two: 2 }]);
  });

  it('rolls a failing migration back as a whole and reports what the database said', async () => {
    const db = await scratch();
    const dir = migrationsDirWith({ '20200101000000_broken': 'CREATE TABLE half_done (id int);\nSELECT 1/0;' });
    await expect(applyMigrations({ databaseUrl: db.url, migrationsDir: dir })).rejects.toThrow(/division by zero/);
    const tables = await query(db.url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toEqual([]);
    const [failed] = await query<{ finished_at: Date | null }>(db.url, 'SELECT finished_at FROM _prisma_migrations');
    expect(failed.finished_at).toBeNull(); // recorded as failed, like migrate deploy
  });
});

describe('diffSchema', () => {
  it('reports no changes when the migrations already match prisma/schema.prisma', async () => {
    const db = await scratch();
    expect(await diffSchema({ databaseUrl: db.url })).toBeNull();
  });

  it('returns the SQL for a schema change and drops its shadow database afterwards', async () => {
    const db = await scratch();
    const schemaPath = path.join(migrationsDirWith({}), 'schema.prisma');
    const extra = '\nmodel Allergen {\n  id   Int    @id @default(autoincrement())\n  code String @unique\n\n  @@map("allergens")\n}\n';
    fs.writeFileSync(schemaPath, fs.readFileSync(SCHEMA_PATH, 'utf8') + extra);

    const sql = await diffSchema({ databaseUrl: db.url, schemaPath });
    expect(sql).toContain('CREATE TABLE "allergens"');
    expect(sql).not.toContain('CREATE TABLE "tenants"');
    const shadows = await query(db.url, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_shadow_%'");
    expect(shadows).toEqual([]);
  });
});
