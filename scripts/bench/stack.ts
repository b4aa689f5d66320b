import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { createPrisma, type Db } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { applyMigrations } from '../../db/migrate';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { connectTemporal } from '../../temporal/connection';
import { startTemporalDevServer } from '../../temporal/dev-server';
import { getFreePort } from '../../temporal/ports';
import { defaultWorkflowsPath, workflowPreloadModules } from '../../temporal/worker';
import { forkChild, reply, stopChild } from './child';

/**
 * The bench's own Brigade, on free ports and in a temp dir, so it needs no `npm start` and cannot
 * disturb one: throwaway PostgreSQL (migrated, demo seeded), in-memory Temporal dev server, and
 * the real worker and the real API each in a process of its own (role.ts), as docker-compose
 * deploys them; this process is the load generator (and keeps a Prisma client and a Temporal
 * client for the phases that call activities in-process or start workflows directly).
 */
export const KITCHEN_QUEUE = 'bench-kitchen';
export const NAMESPACE = 'default';

export interface BenchStack {
  dir: string;
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  prisma: Db;
  client: Client;
  /** Prebuilt workflow bundle (a file), shared by every worker the bench starts. */
  bundlePath: string;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (m: string) => void): Promise<BenchStack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-bench-'));
  fs.chmodSync(dir, 0o755); // postgres runs as its own user when we are root
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log(`stop: ${(err as Error).message}`));
  };
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work;
    timings[name] = Math.round(performance.now() - t0);
    return result;
  };
  try {
    const bundlePath = path.join(dir, 'workflow-bundle.js');
    const [pg, temporal] = await Promise.all([
      timed(
        'postgres',
        getFreePort().then((port) => startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port, persistent: false })),
      ),
      timed('temporal', startTemporalDevServer({ port: 0, namespace: NAMESPACE, log: () => undefined })),
      timed('bundle', bundle(bundlePath)),
    ]);
    stops.push(pg.stop, temporal.stop);
    await timed('migrations', applyMigrations({ databaseUrl: pg.url }));
    const prisma = createPrisma(pg.url, { max: 10 });
    stops.push(() => prisma.$disconnect());
    await timed('seed', seedDemo(prisma));

    const temporalClient = await connectTemporal({ address: temporal.address, namespace: NAMESPACE });
    stops.push(() => temporalClient.connection.close());
    // The worker and the API in processes of their own, as deployed (docker-compose.yml).
    const childEnv = {
      ...process.env,
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TASK_QUEUE: KITCHEN_QUEUE,
      WORKFLOW_BUNDLE: bundlePath,
    };
    const [, api] = await Promise.all([timed('worker', startRole('worker', childEnv, stops)), timed('api', startRole('api', childEnv, stops))]);
    return { dir, apiUrl: api.url!, databaseUrl: pg.url, temporalAddress: temporal.address, prisma, client: temporalClient.client, bundlePath, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Forks scripts/bench/role.ts for `role` and waits until it serves (its stop goes on `stops`). */
async function startRole(role: 'worker' | 'api', env: NodeJS.ProcessEnv, stops: Array<() => Promise<void>>): Promise<{ url?: string }> {
  const child = forkChild(path.join(__dirname, 'role.ts'), { env, args: [role] });
  stops.push(() => stopChild(child));
  return reply<{ url?: string }>(child, null, 'ready', 120_000, `bench ${role}`);
}

/** The workflow bundle as a file (webpack's INFO chatter kept out of the bench output). */
async function bundle(outFile: string): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: defaultWorkflowsPath(),
    preloadModules: workflowPreloadModules(),
    logger: new DefaultLogger('WARN'),
  });
  fs.writeFileSync(outFile, code);
}
