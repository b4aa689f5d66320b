/**
 * One process of the bench's Brigade, run by stack.ts / drivers.ts over IPC (child.ts), so the
 * bench measures the topology docker-compose deploys (API nodes and workers in processes of
 * their own) with the load generator outside them:
 *   worker       the kitchen worker: real activities, events through PostgreSQL NOTIFY
 *   api          the API server (GraphQL, Socket.io) on a free port; answers { type: 'ready', url }
 *   noop-worker  the same workflows with canned activities (noop-activities.ts); what they do is
 *                reported back as { type: 'queued', ref } and { type: 'status', orderId, status }
 *   memory-worker  no-op activities, every item a Margherita, for the worker memory phase
 * Env: DATABASE_URL (worker, api), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE,
 * WORKFLOW_BUNDLE (workers). Answers { type: 'ready' } once serving; { type: 'stop' } stops it.
 */
import path from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import type { WorkflowDefinition } from '../../domain/recipe';
import { createKitchenActivities } from '../../activities';
import { createEventPublisher } from '../../events/event-publisher';
import { startApiServer } from '../../api/server';
import { loadEnv } from '../../config/env';
import { createPrisma } from '../../db/client';
import { connectTemporal } from '../../temporal/connection';
import { createKitchenWorker, type CreateKitchenWorkerOptions } from '../../temporal/worker';
import { margherita } from '../../prisma/seed/demo-pizza-recipes';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import type { Message } from './child';
import { createNoopActivities, noopIds } from './noop-activities';
import { setTimeout as sleep } from 'node:timers/promises';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const send = (message: Message & Record<string, unknown>) => process.send?.(message);
const namespace = () => process.env.TEMPORAL_NAMESPACE || 'default';

/**
 * Runs a worker until { type: 'stop' }; `onMessage` gets the parent's other messages (with the
 * worker, for its status), `options` go to the Worker, `close` runs once it stopped.
 */
async function runWorker(
  activities: KitchenActivities,
  opts: {
    close?: () => Promise<void>;
    options?: CreateKitchenWorkerOptions['options'];
    onMessage?: (msg: Message, worker: Worker) => void | Promise<void>;
  } = {},
): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  const worker = await createKitchenWorker({
    connection,
    namespace: namespace(),
    taskQueue: required('TASK_QUEUE'),
    activities,
    workflowBundle: { codePath: required('WORKFLOW_BUNDLE') },
    options: opts.options,
  });
  process.on('message', (msg: Message) => {
    if (msg.type === 'stop') {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    } else void opts.onMessage?.(msg, worker);
  });
  const running = worker.run();
  send({ type: 'ready' });
  await running;
  await opts.close?.();
  await connection.close();
}

async function kitchenWorker(): Promise<void> {
  const databaseUrl = required('DATABASE_URL');
  const prisma = createPrisma(databaseUrl, { max: 10 });
  const events = createEventPublisher({ databaseUrl });
  await runWorker(createKitchenActivities({ prisma, events }), {
    close: async () => {
      await events.close();
      await prisma.$disconnect();
    },
  });
}

async function api(): Promise<void> {
  const databaseUrl = required('DATABASE_URL');
  const prisma = createPrisma(databaseUrl, { max: 10 });
  const temporal = await connectTemporal({ address: required('TEMPORAL_ADDRESS'), namespace: namespace() });
  const env = loadEnv({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    TEMPORAL_TASK_QUEUE: required('TASK_QUEUE'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // One cook account drives the kitchen to saturation in `npm run bench`: per-user limits would cap
    // the measurement. bench:limits keeps them (BENCH_KEEP_USER_LIMITS=1): they are part of what it measures.
    ...(process.env.BENCH_KEEP_USER_LIMITS === '1' ? {} : { GRAPHQL_USER_RATE_LIMIT: String(1_000_000), GRAPHQL_USER_COST_LIMIT: String(1e12) }),
  });
  const server = await startApiServer({
    prisma,
    env,
    temporal: { client: temporal.client, namespace: namespace() },
    port: 0,
    host: '127.0.0.1',
    webDist: path.join(__dirname, 'no-web'),
  });
  const onStop = async (msg: Message) => {
    if (msg.type !== 'stop') return;
    await server.close();
    await temporal.connection.close();
    await prisma.$disconnect();
    process.exit(0);
  };
  process.on('message', (msg: Message) => void onStop(msg));
  send({ type: 'ready', url: server.url });
}

/** The menu arrives first ({ type: 'menu', tenantId, recipes }); an order's id names its dish (noopIds). */
async function noopWorker(): Promise<void> {
  const menu = await new Promise<{ tenantId: string; recipes: WorkflowDefinition[] }>((resolve) => {
    const onMenu = (msg: Message & { tenantId: string; recipes: WorkflowDefinition[] }) => {
      if (msg.type !== 'menu') return;
      process.off('message', onMenu);
      resolve(msg);
    };
    process.on('message', onMenu);
    send({ type: 'waiting' });
  });
  const activities = createNoopActivities(
    (orderId) => ({ tenantId: menu.tenantId, priority: 2, items: [{ orderItemId: noopIds.item(orderId), recipe: menu.recipes[noopIds.dishOf(orderId)] }] }),
    noopIds.orderOfItem,
    {
      taskQueued: (ref) => send({ type: 'queued', ref }),
      orderStatus: (orderId, status) => send({ type: 'status', orderId, status }),
    },
  );
  await runWorker(activities);
}

/**
 * For memory.ts (run with --expose-gc): the no-op worker with every item a Margherita and every
 * open workflow kept in the sticky cache (that cache is the memory measured). Messages:
 * { type: 'stats' } → counts, { type: 'measure' } → process.memoryUsage() after two full GCs.
 */
async function memoryWorker(): Promise<void> {
  let materialized = 0;
  let queued = 0;
  const base = createNoopActivities(
    // Every item id is "<order id>.0" (memory.ts starts them so): its order without a registry.
    (orderId) => ({ tenantId: 'bench-memory', priority: 0, items: [{ orderItemId: noopIds.item(orderId), recipe: margherita }] }),
    noopIds.orderOfItem,
    { taskQueued: () => void queued++ },
  );
  const activities = {
    ...base,
    materializeItemTasks: async (input: Parameters<typeof base.materializeItemTasks>[0]) => (materialized++, base.materializeItemTasks(input)),
  };
  await runWorker(activities, {
    options: { maxCachedWorkflows: 5_000 },
    onMessage: async (msg, worker) => {
      if (msg.type === 'stats') send({ type: 'stats', materialized, queued, cached: worker.getStatus().numCachedWorkflows });
      if (msg.type === 'measure') {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        await sleep(100);
        gc?.();
        send({ type: 'memory', ...process.memoryUsage() });
      }
    },
  });
}

const roles: Record<string, () => Promise<void>> = { worker: kitchenWorker, api, 'noop-worker': noopWorker, 'memory-worker': memoryWorker };
const role = roles[process.argv[2] ?? ''];
if (!role) {
  console.error(`usage: role.ts ${Object.keys(roles).join('|')}`);
  process.exit(2);
}
// A worker's run ends on { type: 'stop' }; the IPC channel would keep the process alive.
role()
  .then(() => {
    if (process.argv[2] !== 'api') process.exit(0);
  })
  .catch((err) => {
    console.error(`[bench ${process.argv[2]}]`, err);
    process.exit(1);
  });
