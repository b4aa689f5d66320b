import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Connection, Client } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { margherita } from '../../prisma/seed/demo-pizza-recipes';
import { kdsUpdate } from '../../temporal/kitchen-client';
import { orderWorkflow, orderWorkflowId } from '../../workflows/order-workflow';
import { createNoopActivities, type NoopOrder } from './noop-activities';

async function run(extra: string[], port: number, bundle: string) {
  const child = spawn('/root/go/bin/temporal', ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--headless', '--log-level', 'error', ...extra], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 4000));
  const connection = await Connection.connect({ address: `127.0.0.1:${port}` });
  const client = new Client({ connection });
  const orders = new Map<string, NoopOrder>(); const itemOrder = new Map<string, string>();
  let done: () => void = () => undefined; let firstQ = 0; let t0 = 0;
  const acts = createNoopActivities((id) => orders.get(id)!, (id) => itemOrder.get(id)!, {
    taskQueued: (ref) => { if (!firstQ) firstQ = Date.now() - t0; void (async () => {
      const r = await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'startTask', args: { taskId: ref.taskId, userId: null } });
      if (!r.ok) return;
      for (const s of r.result.subtasks) if (!s.optional) await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'completeSubtask', args: { taskId: ref.taskId, subtaskId: s.id, userId: null } });
      await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'completeTask', args: { taskId: ref.taskId, userId: null } });
    })(); },
    orderStatus: (_id, s) => { if (s === 'READY') done(); },
  });
  const nc = await NativeConnection.connect({ address: `127.0.0.1:${port}` });
  const worker = await Worker.create({ connection: nc, taskQueue: 'exp', activities: acts, workflowBundle: { codePath: bundle } });
  const running = worker.run();
  const res: string[] = [];
  for (let i = 0; i < 4; i++) {
    const orderId = randomUUID(); const itemId = randomUUID();
    orders.set(orderId, { tenantId: 't', priority: 2, items: [{ orderItemId: itemId, recipe: margherita }] }); itemOrder.set(itemId, orderId);
    const ready = new Promise<void>((r) => (done = r)); firstQ = 0; t0 = Date.now();
    await client.workflow.start(orderWorkflow, { workflowId: orderWorkflowId(orderId), taskQueue: 'exp', args: [{ tenantId: 't', orderId }] });
    await ready; res.push(`firstQueued ${firstQ} ms, ready ${Date.now() - t0} ms`);
  }
  console.log(extra.join(' ') || '(defaults)', '\n  ' + res.join('\n  '));
  worker.shutdown(); await running; await nc.close(); await connection.close(); child.kill('SIGTERM');
}

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const bundle = process.argv[2];
  await run([], 17301, bundle);
  await run(['--dynamic-config-value', 'system.enableActivityEagerExecution=true'], 17302, bundle);
  process.exit(0);
}
main();
