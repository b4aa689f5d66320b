import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { TaskRef } from '../../contracts/kitchen-activities';
import type { WorkflowDefinition } from '../../domain/recipe';
import { kdsUpdate } from '../../temporal/kitchen-client';
import { orderWorkflow, orderWorkflowId } from '../../workflows/order-workflow';
import type { RunOne } from './ladder';
import { forkChild, reply, stopChild } from './child';
import { noopIds } from './noop-activities';
import { NAMESPACE, type BenchStack } from './stack';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The no-op baseline with `workers` processes (role.ts noop-worker) on one task queue, for the
 * many-tenants bench's 1 → 2 → 3 worker comparison: the same workflows, canned activities,
 * and the same KDS updates the API sends, straight from the Temporal client (as drivers.ts
 * startNoopKitchen does with one worker). Whichever worker ran an activity reports it over IPC.
 */
export interface NoopPool {
  runOne: RunOne;
  errors: () => number;
  stop(): Promise<void>;
}

export async function startNoopPool(
  stack: BenchStack,
  queue: string,
  workers: number,
  menu: { tenantId: string; recipes: WorkflowDefinition[] },
): Promise<NoopPool> {
  const waiters = new Map<string, (at: number) => void>();
  let errors = 0;
  let next = 0;
  const { client } = stack;
  const update = (ref: TaskRef, name: 'startTask' | 'completeSubtask' | 'completeTask', args: Record<string, unknown>) =>
    kdsUpdate(client, { orderItemId: ref.orderItemId, update: name, args: { taskId: ref.taskId, userId: null, ...args } } as Parameters<typeof kdsUpdate>[1]);

  const cook = async (ref: TaskRef) => {
    try {
      let started = await update(ref, 'startTask', {});
      for (let attempt = 0; !started.ok && /not released/.test(started.message) && attempt < 80; attempt++) {
        await sleep(25);
        started = await update(ref, 'startTask', {});
      }
      if (!started.ok) return void errors++;
      const { subtasks } = started.result as { subtasks: Array<{ id: string; optional: boolean; completed: boolean }> };
      for (const sub of subtasks) if (!sub.optional && !sub.completed) await update(ref, 'completeSubtask', { subtaskId: sub.id });
      if (!(await update(ref, 'completeTask', {})).ok) errors++;
    } catch {
      errors++;
    }
  };

  const children: ChildProcess[] = [];
  const stop = async () => void (await Promise.all(children.map((c) => stopChild(c))));
  try {
    for (let i = 0; i < workers; i++) {
      const child = forkChild(path.join(__dirname, 'role.ts'), {
        args: ['noop-worker'],
        env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: NAMESPACE, TASK_QUEUE: queue, WORKFLOW_BUNDLE: stack.bundlePath },
      });
      children.push(child);
      await reply(child, null, 'waiting', 60_000, 'noop worker');
      await reply(child, { type: 'menu', ...menu }, 'ready', 60_000, 'noop worker');
      child.on('message', (msg: { type: string; ref?: TaskRef; orderId?: string; status?: string }) => {
        if (msg.type === 'queued' && msg.ref) void cook(msg.ref);
        if (msg.type === 'status' && (msg.status === 'READY' || msg.status === 'CANCELLED')) waiters.get(msg.orderId!)?.(Date.now());
      });
    }
  } catch (err) {
    await stop();
    throw err;
  }

  const runOne: RunOne = async (timeoutMs) => {
    const orderId = noopIds.order(next++ % menu.recipes.length);
    const t0 = Date.now();
    const ready = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      waiters.set(orderId, (at) => (clearTimeout(timer), resolve(at)));
    });
    await client.workflow.start(orderWorkflow, { workflowId: orderWorkflowId(orderId), taskQueue: queue, args: [{ tenantId: menu.tenantId, orderId }] });
    const at = await ready;
    waiters.delete(orderId);
    return at === null ? null : at - t0;
  };
  return { runOne, errors: () => errors, stop };
}
