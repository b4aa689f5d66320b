import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrisma } from '../../db/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../db/embedded-postgres';
import { applyMigrations } from '../../db/migrate';
import { crashPostgres } from '../../db/pg-crash';
import { demo2Kitchen } from '../../prisma/seed/demo2-kitchen';
import type { KitchenSpec } from '../../prisma/seed/kitchen-spec';
import { seedKitchen } from '../../prisma/seed/seed-kitchen';
import { startTemporalDevServer } from '../../temporal/dev-server';
import { getFreePort } from '../../temporal/ports';
import { resolveTemporalServerBinaries } from '../../temporal/server-binaries';
import { startTemporalOnPostgres } from '../../temporal/sql-server';
import { bundleWorkflows } from '../../temporal/worker';
import { startNginx, type RunningNginx } from './nginx';
import { startNode, type NodeProcess } from './node-process';

/** What the stack needs of a Temporal server; the dev server today, a server on PostgreSQL tomorrow. */
export interface TemporalServer {
  address: string;
  namespace: string;
  stop(): Promise<void>;
}
export type StartTemporal = (opts: { dir: string; databaseUrl: string; log: (m: string) => void }) => Promise<TemporalServer>;

/** The Temporal dev server (in-memory), as the test infrastructure starts it. */
export const startDevTemporal: StartTemporal = async ({ log }) => {
  const namespace = 'brigade-scale';
  const server = await startTemporalDevServer({ port: 0, namespace, log });
  return { address: server.address, namespace, stop: server.stop };
};

/**
 * The production Temporal server persisting to the stack's PostgreSQL, in databases of its own:
 * killing PostgreSQL takes Temporal's store down too, as on a single database host.
 */
export const startPostgresTemporal: StartTemporal = async ({ dir, databaseUrl, log }) => {
  const url = new URL(databaseUrl);
  // Built by .ci/run (scripts/ensure-temporal-server.ts); a missing one fails here naming where it
  // looked, rather than a test run spending most of an hour in go install.
  const binaries = await resolveTemporalServerBinaries({ allowGoInstall: false, log });
  return startTemporalOnPostgres({
    binaries,
    pgHost: url.hostname,
    pgPort: Number(url.port),
    pgUser: decodeURIComponent(url.username),
    pgPassword: decodeURIComponent(url.password),
    dataDir: path.join(dir, 'temporal'),
    namespace: 'brigade-scale',
    log,
  });
};

/** The kitchen the scale test cooks in: demo2's burger corner, with stock and slots for a rush. */
export const SCALE_KITCHEN: KitchenSpec = {
  ...demo2Kitchen,
  slug: 'scale',
  name: 'Scale test kitchen',
  stations: demo2Kitchen.stations.map((s) => ({ ...s, capacity: 50 })),
  inventory: demo2Kitchen.inventory.map((i) => ({ ...i, stock: 100_000 })),
  users: [
    { email: 'manager@scale.local', name: 'Scale manager', role: 'MANAGER', password: 'scale-test-1234' },
    { email: 'cook@scale.local', name: 'Scale cook', role: 'STAFF', password: 'scale-test-1234' },
    { email: 'operator@scale.local', name: 'Scale operator', role: 'OPERATOR', password: 'scale-test-1234' },
  ],
};

export interface ScaleStack {
  dir: string;
  /** nginx in front of both API nodes: what clients use. */
  proxyUrl: string;
  apis: NodeProcess[];
  workers: NodeProcess[];
  databaseUrl: string;
  temporal: TemporalServer;
  /** SIGKILLs PostgreSQL's postmaster; resolves once it is gone. */
  killPostgres(): Promise<void>;
  /** Starts PostgreSQL again on the same data and port. */
  restartPostgres(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The deployment of docker-compose.yml as plain processes on free loopback ports: one PostgreSQL,
 * one Temporal server (`startTemporal`), two API nodes (`npm start` with BRIGADE_ROLE=api) behind
 * nginx with deploy/nginx.conf, two workers (BRIGADE_ROLE=worker) from one prebuilt bundle.
 */
export async function startScaleStack(opts: { startTemporal?: StartTemporal; log?: (m: string) => void } = {}): Promise<ScaleStack> {
  const log = opts.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brigade-scale-'));
  fs.chmodSync(dir, 0o755); // postgres (and nginx's workers) run as other users when we are root
  const stops: Array<() => Promise<void>> = [async () => fs.rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => log(`stop: ${(err as Error).message}`));
  };
  try {
    const pgDir = path.join(dir, 'postgres');
    const pgPort = await getFreePort();
    // crashSafe: the test kills it, and an acknowledged commit must outlive that, as in production.
    const pgOptions = { dataDir: pgDir, port: pgPort, persistent: false, crashSafe: true };
    let pg: EmbeddedPostgres = await startEmbeddedPostgres(pgOptions);
    stops.push(() => pg.stop());
    const databaseUrl = pg.url;
    const bundlePath = path.join(dir, 'workflow-bundle.js');
    const [temporal] = await Promise.all([
      (opts.startTemporal ?? startDevTemporal)({ dir, databaseUrl, log }),
      bundleWorkflows({ outFile: bundlePath }),
      applyMigrations({ databaseUrl }).then(async () => {
        const prisma = createPrisma(databaseUrl, { max: 2 });
        await seedKitchen(prisma, SCALE_KITCHEN).finally(() => prisma.$disconnect());
      }),
    ]);
    stops.push(temporal.stop);
    log(`postgres ${databaseUrl}, temporal ${temporal.address} (${temporal.namespace})`);

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      TEMPORAL_TASK_QUEUE: 'brigade-kitchen',
      WORKFLOW_BUNDLE: bundlePath,
      JWT_SECRET: randomBytes(24).toString('hex'),
      JWT_REFRESH_SECRET: randomBytes(24).toString('hex'),
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      SEED_DEMO: 'false',
      HOST: '127.0.0.1',
      TRUST_PROXY: '1',
      // One cook account taps for the whole kitchen here; the per-user limits are for people.
      GRAPHQL_USER_RATE_LIMIT: '1000000',
      GRAPHQL_USER_COST_LIMIT: '1000000000000',
    };
    const logDir = path.join(dir, 'logs');
    fs.mkdirSync(logDir);
    const [apiPorts, proxyPort] = [[await getFreePort(), await getFreePort()], await getFreePort()];
    const processes = await Promise.all([
      ...apiPorts.map((port, i) => startNode({ name: `api-${i + 1}`, role: 'api', env, logDir, port })),
      ...[1, 2].map((i) => startNode({ name: `worker-${i}`, role: 'worker', env, logDir })),
    ]);
    for (const p of processes) stops.push(p.stop);
    const apis = processes.slice(0, 2);
    const workers = processes.slice(2);
    const nginx: RunningNginx = await startNginx({ dir: path.join(dir, 'nginx'), port: proxyPort, apis: apiPorts.map((p) => `127.0.0.1:${p}`) });
    stops.push(nginx.stop);
    log(`nginx ${nginx.url} → ${apis.map((a) => a.url).join(', ')}; workers ${workers.map((w) => w.pid).join(', ')}`);

    return {
      dir,
      proxyUrl: nginx.url,
      apis,
      workers,
      databaseUrl,
      temporal,
      killPostgres: () => crashPostgres(pgDir),
      async restartPostgres() {
        pg = await startEmbeddedPostgres({ ...pgOptions, lockWaitMs: 20_000 });
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
