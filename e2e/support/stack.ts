import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { deleteTenants } from '../../test/support/activity-fixtures';
import type { KitchenHandle } from '../../core/types';
import { startApiServer, type RunningApiServer } from '../../api/server';
import { deletePlatformRows } from '../../test/support/test-platform';
import { loadEnv } from '../../config/env';
import { createPrisma, type Db } from '../../db/client';
import { demoKitchen } from '../../prisma/seed/demo-kitchen';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-logins';
import { seedKitchen } from '../../prisma/seed/seed-kitchen';
import { ensureWebBuild } from '../../scripts/web-build';
import { connectTemporal } from '../../temporal/connection';
import { startKitchenWorker } from '../../worker/run-worker';
import { requireTestEnv } from '../../test/support/db';

/**
 * The whole Brigade stack for one end-to-end file, the way `npm start` wires it: the built web
 * app served by the real API server (port 0), a real kitchen worker on a task queue of its own,
 * the PostgreSQL and Temporal dev server started by test/global-setup.ts, and a kitchen of its
 * own (the demo kitchen's stations, menu and recipes under a random slug), so nothing here
 * touches the shared `demo` tenant or another test's rows.
 */
export interface E2eStack {
  url: string;
  prisma: Db;
  tenant: { id: string; slug: string };
  password: string;
  /** The stack's Temporal client and task queue, for what an entry script starts itself (sandbox-platform/connect-demo.ts). */
  kitchen: KitchenHandle;
  stop(): Promise<void>;
}

export const ROOT = path.resolve(__dirname, '..', '..');
const quiet = (message: string) => {
  if (process.env.BRIGADE_TEST_VERBOSE) console.log(`[e2e] ${message}`);
};

export async function startE2eStack(opts: { worker: boolean }): Promise<E2eStack> {
  const databaseUrl = requireTestEnv('DATABASE_URL');
  const address = requireTestEnv('TEMPORAL_ADDRESS');
  const namespace = requireTestEnv('TEMPORAL_NAMESPACE');
  const taskQueue = `e2e-${randomUUID()}`;
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'test',
    JWT_SECRET: `e2e-${randomUUID()}`,
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'warn',
  });
  const prisma = createPrisma(databaseUrl, { max: 6 });
  const stops: Array<() => Promise<void>> = [() => prisma.$disconnect()];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => console.error('[e2e] stop:', err));
  };

  try {
    const slug = `e2e-${randomUUID().slice(0, 8)}`;
    const [webDist] = await Promise.all([ensureWebBuild({ root: ROOT, log: quiet }), seedKitchen(prisma, { ...demoKitchen, slug, name: 'Trattoria Brigade' })]);
    const tenant = await prisma.tenant.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
    stops.push(() => deleteTenants(prisma, [tenant.id]));
    // Runs before the tenant goes (stops run in reverse), after the worker that writes sync logs has stopped.
    stops.push(() => deletePlatformRows(prisma, [tenant.id]));

    const temporal = await connectTemporal({ address, namespace });
    stops.push(() => temporal.connection.close());
    if (opts.worker) {
      // Orders wait hours for pickup after READY: end them before their rows are deleted, once the
      // worker is gone (stops run in reverse), so it does not log every terminated child as a failure.
      stops.push(() => terminateRunning(temporal.client, taskQueue));
      const worker = await startKitchenWorker({ env, prisma, databaseUrl, address, log: quiet });
      stops.push(worker.stop);
    }

    const server: RunningApiServer = await startApiServer({
      prisma,
      env: { ...env, DATABASE_URL: databaseUrl },
      temporal: { client: temporal.client, namespace },
      port: 0,
      host: '127.0.0.1',
      webDist,
    });
    stops.push(server.close);
    return { url: server.url, prisma, tenant, password: DEMO_PASSWORD, kitchen: { client: temporal.client, taskQueue }, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function terminateRunning(client: Client, taskQueue: string): Promise<void> {
  for await (const run of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
    await client.workflow
      .getHandle(run.workflowId, run.runId)
      .terminate('e2e test finished')
      .catch(() => undefined);
  }
}
