/**
 * A worker in a process of its own, so its memory can be read cleanly: the real workflows from
 * the prebuilt bundle, the no-op activities, every item a Margherita from the demo recipes.
 * Run by memory.ts with --expose-gc and an IPC channel. Messages: {type:'stats'} → counts,
 * {type:'measure'} → process.memoryUsage() after two full GCs.
 * Env: TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TASK_QUEUE, WORKFLOW_BUNDLE.
 */
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { margherita } from '../../prisma/seed/demo-pizza-recipes';
import { createKitchenWorker } from '../../temporal/worker';
import { createNoopActivities, noopIds } from './noop-activities';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  let materialized = 0;
  let queued = 0;
  const base = createNoopActivities(
    // Every item id is "<order id>.0" (memory.ts starts them so): its order without a registry.
    (orderId) => ({ tenantId: 'bench-memory', priority: 0, items: [{ orderItemId: noopIds.item(orderId), recipe: margherita }] }),
    noopIds.orderOfItem,
    { taskQueued: () => void queued++ },
  );
  const activities = { ...base, materializeItemTasks: async (input: Parameters<typeof base.materializeItemTasks>[0]) => ((materialized++), base.materializeItemTasks(input)) };
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const worker = await createKitchenWorker({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: env('TASK_QUEUE'),
    activities,
    workflowBundle: { codePath: env('WORKFLOW_BUNDLE') },
    // Keep every open workflow in the sticky cache: that cache is the memory being measured.
    options: { maxCachedWorkflows: 5_000 },
  });
  process.on('message', async (msg: { type: string }) => {
    if (msg.type === 'stats') process.send?.({ type: 'stats', materialized, queued, cached: worker.getStatus().numCachedWorkflows });
    if (msg.type === 'measure') {
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 100));
      gc?.();
      process.send?.({ type: 'memory', ...process.memoryUsage() });
    }
    if (msg.type === 'stop') worker.shutdown();
  });
  const running = worker.run();
  process.send?.({ type: 'ready' });
  await running;
  await connection.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
