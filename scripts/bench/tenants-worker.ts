/**
 * One kitchen worker of `npm run bench:tenants`, in a process of its own (run with --expose-gc):
 * the real activities, whose per-tenant caches it can count. Env: DATABASE_URL,
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, WORKFLOW_BUNDLE, TENANT_CACHE_IDLE_SECONDS.
 * Messages: { type: 'stats' } → ETA runs finished and tenants cached; { type: 'measure' } → the
 * same with process.memoryUsage() after two full GCs; { type: 'stop' } drains and exits.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createKitchenActivitiesWithCaches } from '../../activities';
import { createEventPublisher } from '../../events/event-publisher';
import { createPrisma } from '../../db/client';
import { createKitchenWorker } from '../../temporal/worker';
import type { Message } from './child';
import { setTimeout as sleep } from 'node:timers/promises';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const prisma = createPrisma(required('DATABASE_URL'), { max: 10 });
  const events = createEventPublisher({ databaseUrl: required('DATABASE_URL') });
  const kitchen = createKitchenActivitiesWithCaches({
    prisma,
    events,
    tenantCaches: { max: 1_000, idleMs: Number(required('TENANT_CACHE_IDLE_SECONDS')) * 1000 },
  });
  const connection = await NativeConnection.connect({ address: required('TEMPORAL_ADDRESS') });
  const worker = await createKitchenWorker({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: required('TASK_QUEUE'),
    activities: kitchen.activities,
    workflowBundle: { codePath: required('WORKFLOW_BUNDLE') },
  });
  const stats = () => ({ etaRuns: kitchen.etaRuns(), cached: kitchen.cachedTenants() });
  process.on('message', (msg: Message) => {
    if (msg.type === 'stop' && worker.getState() === 'RUNNING') worker.shutdown();
    if (msg.type === 'stats') process.send?.({ type: 'stats', ...stats() });
    if (msg.type === 'measure') void measure().then((memory) => process.send?.({ type: 'memory', ...stats(), ...memory }));
  });
  // A bench that died (its hard time limit) leaves no worker behind.
  process.on('disconnect', () => process.exit(1));
  const running = worker.run();
  process.send?.({ type: 'ready' });
  await running;
  await events.close();
  await prisma.$disconnect();
  await connection.close();
}

async function measure(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await sleep(100);
  gc?.();
  return process.memoryUsage();
}

// A worker's run ends on { type: 'stop' }; the IPC channel would keep the process alive.
main()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error('[bench tenants-worker]', err);
    process.exit(1);
  });
