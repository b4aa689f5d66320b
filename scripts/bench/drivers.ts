import path from 'node:path';
import type { TaskRef } from '../../contracts/kitchen-activities';
import { kdsUpdate } from '../../temporal/kitchen-client';
import { orderWorkflow, orderWorkflowId } from '../../workflows/order-workflow';
import { taskIndex } from '../../domain/recipe';
import type { Rand } from '../sim/prng';
import type { Recorder } from '../sim/recorder';
import { CREATE_ORDER } from '../sim/queries';
import type { InstantKitchen } from './instant-kitchen';
import type { BenchKitchen } from './kitchen-setup';
import type { RunOne } from './ladder';
import { forkChild, reply, stopChild } from './child';
import { noopIds, stableId } from './noop-activities';
import { NAMESPACE, type BenchStack } from './stack';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The two sides of the throughput ratio, driving the same one-dish urgent orders (the same
 * seeded sequence of dishes) through the same workflows:
 * - ours: the public API (createOrder, then startTask / completeSubtask / completeTask on each
 *   `task:updated QUEUED`), real activities, PostgreSQL, ETA, events;
 * - no-op: the Temporal client straight to the workflows (start, then the same KDS updates the
 *   API sends) on a second worker whose activities return canned results (noop-activities.ts).
 * Both sides' workers (and our API) run in processes of their own; this one drives the load.
 */
export const NOOP_QUEUE = 'bench-noop';

/** `recorder` (attached to a board socket) gets the createOrder → first task queued marks. */
export function oursRunOne(kitchen: BenchKitchen, instant: InstantKitchen, rand: Rand, recorder: Recorder): RunOne {
  return async (timeoutMs) => {
    const dish = kitchen.menu[Math.floor(rand() * kitchen.menu.length)];
    const t0 = Date.now();
    const input = { channel: 'IN_STORE', priority: 2, items: [{ menuItemId: dish.id, quantity: 1 }] };
    const { createOrder } = await kitchen.operator.request<{ createOrder: { id: string } }>(CREATE_ORDER, { input });
    recorder.mark('createOrder → first task queued', `firstQueued:${createOrder.id}`, t0, Date.now());
    const ready = instant.waitReady(createOrder.id, timeoutMs);
    instant.track(createOrder.id);
    const at = await ready;
    instant.untrack(createOrder.id);
    return at === null ? null : at - t0;
  };
}

/** The same two latencies the API side measures over Socket.io, here at the enqueue hook: Temporal's floor. */
export interface FloorSample {
  at: number;
  kind: 'first task queued' | 'dependent queued';
  ms: number;
}

export interface NoopKitchen {
  runOne: RunOne;
  samples: FloorSample[];
  stats: () => { errors: number; earlyStartRetries: number };
  stop(): Promise<void>;
}

export async function startNoopKitchen(stack: BenchStack, kitchen: BenchKitchen, rand: Rand): Promise<NoopKitchen> {
  const startedAt = new Map<string, number>();
  const depsOf = new Map<string, string[]>();
  const completeSent = new Map<string, number>();
  const samples: FloorSample[] = [];
  const waiters = new Map<string, (at: number) => void>();
  let errors = 0;
  let earlyStartRetries = 0;
  const { client } = stack;

  const cook = async (ref: TaskRef) => {
    try {
      // Same early-start race and the same retry as the InstantKitchen (the hook fires inside enqueueTask).
      let started = await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'startTask', args: { taskId: ref.taskId, userId: null } });
      for (let attempt = 0; !started.ok && /not released/.test(started.message) && attempt < 80; attempt++) {
        earlyStartRetries++;
        await sleep(25);
        started = await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'startTask', args: { taskId: ref.taskId, userId: null } });
      }
      if (!started.ok) return void errors++;
      for (const sub of started.result.subtasks) {
        if (sub.optional || sub.completed) continue;
        await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'completeSubtask', args: { taskId: ref.taskId, subtaskId: sub.id, userId: null } });
      }
      completeSent.set(ref.taskId, Date.now());
      const done = await kdsUpdate(client, { orderItemId: ref.orderItemId, update: 'completeTask', args: { taskId: ref.taskId, userId: null } });
      if (!done.ok) errors++;
    } catch {
      errors++;
    }
  };
  const taskQueued = (ref: TaskRef) => {
    const now = Date.now();
    const orderStart = startedAt.get(ref.orderId);
    if (orderStart !== undefined) {
      startedAt.delete(ref.orderId);
      samples.push({ at: now, kind: 'first task queued', ms: now - orderStart });
    }
    const sent = (depsOf.get(ref.taskId) ?? []).map((d) => completeSent.get(d));
    if (sent.length > 0 && sent.every((t) => t !== undefined)) samples.push({ at: now, kind: 'dependent queued', ms: now - Math.max(...(sent as number[])) });
    void cook(ref);
  };

  // The no-op worker runs in a process of its own, as the real one does (role.ts); what its
  // activities do comes back over IPC, where the real system would emit Socket.io events.
  const worker = forkChild(path.join(__dirname, 'role.ts'), {
    args: ['noop-worker'],
    env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: NAMESPACE, TASK_QUEUE: NOOP_QUEUE, WORKFLOW_BUNDLE: stack.bundlePath },
  });
  try {
    await reply(worker, null, 'waiting', 60_000, 'noop worker');
    await reply(worker, { type: 'menu', tenantId: kitchen.tenantId, recipes: kitchen.menu.map((m) => m.recipe) }, 'ready', 60_000, 'noop worker');
  } catch (err) {
    await stopChild(worker);
    throw err;
  }
  worker.on('message', (msg: { type: string; ref?: TaskRef; orderId?: string; status?: string }) => {
    if (msg.type === 'queued' && msg.ref) taskQueued(msg.ref);
    if (msg.type === 'status' && (msg.status === 'READY' || msg.status === 'CANCELLED')) waiters.get(msg.orderId!)?.(Date.now());
  });

  const runOne: RunOne = async (timeoutMs) => {
    const dishIndex = Math.floor(rand() * kitchen.menu.length);
    const dish = kitchen.menu[dishIndex];
    const orderId = noopIds.order(dishIndex);
    const orderItemId = noopIds.item(orderId);
    for (const { task } of taskIndex(dish.recipe).values()) {
      depsOf.set(
        stableId(orderItemId, task.id),
        task.depends_on.map((d) => stableId(orderItemId, d)),
      );
    }
    const t0 = Date.now();
    startedAt.set(orderId, t0);
    const ready = new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      waiters.set(orderId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
    await client.workflow.start(orderWorkflow, {
      workflowId: orderWorkflowId(orderId),
      taskQueue: NOOP_QUEUE,
      args: [{ tenantId: kitchen.tenantId, orderId }],
    });
    const at = await ready;
    waiters.delete(orderId);
    return at === null ? null : at - t0;
  };
  return {
    runOne,
    samples,
    stats: () => ({ errors, earlyStartRetries }),
    stop: () => stopChild(worker),
  };
}
