import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createKitchenActivities } from '../../activities';
import { createEventPublisher } from '../../activities/events';
import { startApiServer } from '../../api/server';
import { loadEnv } from '../../config/env';
import { createPrisma, type Db } from '../../db/client';
import { startEmbeddedPostgres } from '../../db/embedded-postgres';
import { applyMigrations } from '../../db/migrate';
import { seedDemo } from '../../prisma/seed/seed-demo';
import { connectTemporal } from '../../temporal/connection';
import { startTemporalDevServer } from '../../temporal/dev-server';
import { getFreePort } from '../../temporal/ports';
import { createKitchenWorker, defaultWorkflowsPath } from '../../temporal/worker';

/**
 * The bench's own Brigade, in this process, on free ports and in a temp dir, so it needs no
 * `npm start` and cannot disturb one: throwaway PostgreSQL (migrated, demo seeded), in-memory
 * Temporal dev server, the real worker and the real API, wired as scripts/start.ts wires them.
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
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const bundlePath = path.join(dir, 'workflow-bundle.js');
    const [pg, temporal] = await Promise.all([
      timed('postgres', getFreePort().then((port) => startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), port, persistent: false }))),
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
    const events = createEventPublisher({ databaseUrl: pg.url });
    const workerConnection = await NativeConnection.connect({ address: temporal.address });
    const worker: Worker = await timed(
      'worker',
      createKitchenWorker({
        connection: workerConnection,
        namespace: NAMESPACE,
        taskQueue: KITCHEN_QUEUE,
        activities: createKitchenActivities({ prisma, events }),
        workflowBundle: { codePath: bundlePath },
      }),
    );
    const running = worker.run();
    stops.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await events.close();
      await workerConnection.close();
    });

    const env = loadEnv({ ...process.env, NODE_ENV: 'development', DATABASE_URL: pg.url, TEMPORAL_TASK_QUEUE: KITCHEN_QUEUE, HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
    const api = await timed(
      'api',
      startApiServer({ prisma, env, temporal: { client: temporalClient.client, namespace: NAMESPACE }, port: 0, host: '127.0.0.1', webDist: path.join(dir, 'no-web') }),
    );
    stops.push(api.close);
    return { dir, apiUrl: api.url, databaseUrl: pg.url, temporalAddress: temporal.address, prisma, client: temporalClient.client, bundlePath, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The workflow bundle as a file (webpack's INFO chatter kept out of the bench output). */
async function bundle(outFile: string): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath: defaultWorkflowsPath(), logger: new DefaultLogger('WARN') });
  fs.writeFileSync(outFile, code);
}
