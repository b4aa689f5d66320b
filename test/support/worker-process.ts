/**
 * A real kitchen worker in a process of its own, so the durability test can SIGKILL it.
 * Run with tsx; configured by TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, DATABASE_URL,
 * KITCHEN_TASK_QUEUE and WORKFLOW_BUNDLE (a prebuilt bundle, so a restart takes no webpack).
 * Prints "worker-ready" once it polls.
 */
import { NativeConnection } from '@temporalio/worker';
import { createKitchenActivities } from '../../activities';
import { createEventPublisher } from '../../events/event-publisher';
import { createPrisma } from '../../db/client';
import { createKitchenWorker } from '../../temporal/worker';
import { requiredEnv } from './kitchen-harness';

async function main(): Promise<void> {
  const databaseUrl = requiredEnv('DATABASE_URL');
  const prisma = createPrisma(databaseUrl, { max: 5 });
  const events = createEventPublisher({ databaseUrl });
  const connection = await NativeConnection.connect({ address: requiredEnv('TEMPORAL_ADDRESS') });
  const worker = await createKitchenWorker({
    connection,
    namespace: process.env.TEMPORAL_NAMESPACE || 'default',
    taskQueue: requiredEnv('KITCHEN_TASK_QUEUE'),
    activities: createKitchenActivities({ prisma, events }),
    workflowBundle: { codePath: requiredEnv('WORKFLOW_BUNDLE') },
  });
  const running = worker.run();
  process.stdout.write('worker-ready\n');
  await running;
  await connection.close();
  await events.close();
  await prisma.$disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
