import { randomUUID } from 'node:crypto';
import type { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { createKitchenActivities } from '../../activities';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { createPrisma, type Db } from '../../db/client';
import { connectTemporal } from '../../temporal/connection';
import { bundleWorkflows, createKitchenWorker } from '../../temporal/worker';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The real kitchen for workflow tests: the dev server and PostgreSQL started by
 * test/global-setup.ts (TEMPORAL_ADDRESS, DATABASE_URL), the real activities with a real
 * event publisher, and a worker on a task queue of its own.
 */
export interface KitchenHarness {
  client: Client;
  prisma: Db;
  taskQueue: string;
  namespace: string;
  address: string;
  databaseUrl: string;
  /** Terminates this harness's still-running workflows (before a test deletes their rows). */
  terminateLeftovers(): Promise<void>;
  stop(): Promise<void>;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the workflow tests through jest (test/global-setup.ts starts the servers)`);
  return value;
}

/**
 * `worker: false`: no worker in this process; the test runs its own (e.g. worker processes it can kill) on `taskQueue`.
 * `clock`: the activities' clock (what stamps started_at and measures the Undo window), for tests that move time on.
 */
export async function startKitchenHarness(name: string, opts: { worker?: boolean; clock?: () => Date } = {}): Promise<KitchenHarness> {
  quietRuntime();
  const address = requiredEnv('TEMPORAL_ADDRESS');
  const databaseUrl = requiredEnv('DATABASE_URL');
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  const prisma = createPrisma(databaseUrl, { max: 5 });
  const events: EventPublisher = createEventPublisher({ databaseUrl });
  const taskQueue = `${name}-${randomUUID()}`;
  let clientConnection: Connection | undefined;
  let workerConnection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let client: Client | undefined;
  const stop = async () => {
    if (client) await terminateLeftovers(client, taskQueue);
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    await workerConnection?.close();
    await clientConnection?.close();
    await events.close();
    await prisma.$disconnect();
  };
  try {
    const connected = await connectTemporal({ address, namespace });
    clientConnection = connected.connection;
    client = connected.client;
    if (opts.worker !== false) {
      workerConnection = await NativeConnection.connect({ address });
      worker = await createKitchenWorker({
        connection: workerConnection,
        namespace,
        taskQueue,
        activities: createKitchenActivities({ prisma, events, clock: opts.clock }),
        workflowBundle: await bundleWorkflows(),
      });
      running = worker.run();
    }
    const leftovers = () => terminateLeftovers(connected.client, taskQueue);
    return { client: connected.client, prisma, taskQueue, namespace, address, databaseUrl, terminateLeftovers: leftovers, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Orders a test left open (waiting for fire times, deliveries) would otherwise sit on the shared server. */
async function terminateLeftovers(client: Client, taskQueue: string): Promise<void> {
  // Orders first: their items go with them (parent close policy), without "child failed" noise.
  for (const type of [`WorkflowType = 'orderWorkflow' AND `, '']) {
    const query = `${type}TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`;
    for await (const run of client.workflow.list({ query })) {
      await client.workflow
        .getHandle(run.workflowId, run.runId)
        .terminate('test finished')
        .catch(() => undefined);
    }
  }
}

/** Worker INFO logs (state changes, bundle sizes) drown test output; warnings and errors stay. */
function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process (another harness, or the test set its own).
  }
}

/** Polls `probe` until it returns a value (not undefined), for state reached by the workflow on its own. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      last = undefined;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(100);
  }
}
