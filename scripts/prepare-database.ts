import path from 'node:path';
import { createPrisma } from '../db/client';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { applyMigrations } from '../db/migrate';
import { assertBrigadeDatabase, redactUrl } from '../db/brigade-database';
import { seedDemo } from '../prisma/seed/seed-demo';

export type PrepareDatabaseOptions = {
  /** An external PostgreSQL; when absent an embedded one runs with its data in `<dataDir>/postgres`. */
  databaseUrl?: string;
  dataDir: string;
  /** Port of the embedded server (ignored with databaseUrl). */
  port: number;
  /** Seed the demo tenants when the database has no tenant at all. */
  seed: boolean;
  log: (message: string) => void;
};

export type PreparedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

/**
 * Everything the app needs before it can use the database, in order: a server (external or
 * embedded), migrations, and the demo seed on an empty database. Logs each step with its time.
 */
export async function prepareDatabase(opts: PrepareDatabaseOptions): Promise<PreparedDatabase> {
  const { log } = opts;
  let url = opts.databaseUrl;
  let stop: () => Promise<void> = async () => undefined;
  let t = performance.now();
  const took = () => {
    const ms = Math.round(performance.now() - t);
    t = performance.now();
    return `${ms} ms`;
  };

  if (url) {
    log(`database: using DATABASE_URL (${redactUrl(url)})`);
    // Before migrations would write our tables into another application's database.
    await assertBrigadeDatabase(url);
  } else {
    const dataDir = path.join(opts.dataDir, 'postgres');
    const pg = await startEmbeddedPostgres({ dataDir, port: opts.port, persistent: true, log });
    url = pg.url;
    stop = pg.stop;
    log(`database: embedded PostgreSQL on 127.0.0.1:${opts.port} ${pg.initialised ? 'initialised' : 'restarted'} in ${took()} (${dataDir})`);
  }

  try {
    t = performance.now();
    const migrated = await applyMigrations({ databaseUrl: url });
    const what = migrated.applied.length ? `applied ${migrated.applied.join(', ')}` : `up to date (${migrated.total})`;
    log(`database: migrations ${what} in ${took()}`);
    if (opts.seed) await seedIfEmpty(url, log, took);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, embedded: !opts.databaseUrl, stop };
}

async function seedIfEmpty(url: string, log: (m: string) => void, took: () => string): Promise<void> {
  const prisma = createPrisma(url, { max: 2 });
  try {
    if ((await prisma.tenant.count()) > 0) {
      log(`database: has tenants, demo seed skipped (${took()})`);
      return;
    }
    await seedDemo(prisma, { log: (m) => log(`database: ${m}`) });
    log(`database: demo seed done in ${took()}`);
  } finally {
    await prisma.$disconnect();
  }
}
