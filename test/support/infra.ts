import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrisma } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { applyMigrations } from '../../db/migrate';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { startTemporalDevServer } from '../../temporal/dev-server';
import { getFreePort } from '../../temporal/ports';

/**
 * The real infrastructure for one test run: a throwaway PostgreSQL (migrated, demo seeded) and an
 * in-memory Temporal dev server, both on free ports, started in parallel. Test files reach them
 * through the environment (see TEST_ENV_VARS); each file creates its own tenants.
 */
export const TEST_NAMESPACE = 'brigade-test';

export type TestInfra = {
  env: { DATABASE_URL: string; TEMPORAL_ADDRESS: string; TEMPORAL_NAMESPACE: string };
  timings: Record<string, number>;
  stop(): Promise<void>;
};

export async function startTestInfra(log: (message: string) => void = () => undefined): Promise<TestInfra> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-test-'));
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work;
    timings[name] = Math.round(performance.now() - started);
    return result;
  };

  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log(`test infra stop: ${(err as Error).message}`));
  };
  try {
    const [pg, temporal] = await Promise.all([timed('postgres', startPostgres(dir, stops)), timed('temporal', startTemporal(log, stops))]);
    await timed('migrations', applyMigrations({ databaseUrl: pg.url }));
    const prisma = createPrisma(pg.url, { max: 2 });
    await timed('seed', seedDemo(prisma)).finally(() => prisma.$disconnect());
    const env = { DATABASE_URL: pg.url, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: TEST_NAMESPACE };
    return { env, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startPostgres(dir: string, stops: Array<() => Promise<void>>) {
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port: await getFreePort(), persistent: false });
  stops.push(pg.stop);
  return pg;
}

async function startTemporal(log: (message: string) => void, stops: Array<() => Promise<void>>) {
  const server = await startTemporalDevServer({ port: 0, namespace: TEST_NAMESPACE, log });
  stops.push(server.stop);
  return server;
}
