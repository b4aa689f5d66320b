import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { itemWorkflow, itemWorkflowId } from '../../workflows/item-workflow';
import { slope } from '../sim/stats';
import { noopIds } from './noop-activities';
import { forkChild, reply as replyFrom, stopChild } from './child';
import { NAMESPACE, type BenchStack } from './stack';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Worker memory per 100 running item workflows: a worker in a child process (role.ts memory-worker)
 * with open item workflows, each with its first tasks queued and waiting for a cook. After a
 * warm-up (the workflow sandbox itself costs a fixed amount), RSS and V8 heap are read after a
 * full GC at N = 0, 100, … STEPS×100 extra workflows; the slope of a least-squares line is
 * reported per 100 workflows.
 */
const QUEUE = 'bench-memory';
const WARMUP = 20;
const STEP = 100;
const STEPS = 4;
/** Tasks a Margherita releases at once (dough, basil): an item has settled when both are queued. */
const ROOT_TASKS = 2;

export interface MemoryResult {
  points: Array<{ workflows: number; rssMb: number; heapUsedMb: number }>;
  rssMbPer100: number | null;
  heapMbPer100: number | null;
}

type Stats = { materialized: number; queued: number; cached: number };

export async function measureWorkerMemory(stack: BenchStack, root: string): Promise<MemoryResult> {
  const child = forkChild(path.join(root, 'scripts', 'bench', 'role.ts'), {
    args: ['memory-worker'],
    execArgv: ['--expose-gc'],
    env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: NAMESPACE, TASK_QUEUE: QUEUE, WORKFLOW_BUNDLE: stack.bundlePath },
  });
  try {
    await reply(child, null, 'ready', 60_000);
    let started = 0;
    const startMore = async (count: number) => {
      const ids = Array.from({ length: count }, () => randomUUID());
      for (let i = 0; i < ids.length; i += 10) {
        await Promise.all(
          ids.slice(i, i + 10).map((orderId) =>
            stack.client.workflow.start(itemWorkflow, {
              workflowId: itemWorkflowId(noopIds.item(orderId)),
              taskQueue: QUEUE,
              args: [{ tenantId: 'bench-memory', orderId, orderItemId: noopIds.item(orderId), fireAt: null, priority: 0 }],
            }),
          ),
        );
      }
      started += count;
      await settled(child, started);
    };
    await startMore(WARMUP);
    const points: MemoryResult['points'] = [];
    for (let step = 0; step <= STEPS; step++) {
      if (step > 0) await startMore(STEP);
      const mem = await reply<{ rss: number; heapUsed: number }>(child, { type: 'measure' }, 'memory', 10_000);
      points.push({ workflows: started - WARMUP, rssMb: mem.rss / 2 ** 20, heapUsedMb: mem.heapUsed / 2 ** 20 });
    }
    const per100 = (pick: (p: MemoryResult['points'][number]) => number) => {
      const s = slope(points.map((p) => [p.workflows, pick(p)] as const));
      return s === null ? null : s * 100;
    };
    return { points, rssMbPer100: per100((p) => p.rssMb), heapMbPer100: per100((p) => p.heapUsedMb) };
  } finally {
    await stopChild(child);
  }
}

/** Waits until every started item materialised, queued its first tasks and sits in the cache. */
async function settled(child: ChildProcess, started: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const s = await reply<Stats>(child, { type: 'stats' }, 'stats', 5_000);
    if (s.materialized >= started && s.queued >= started * ROOT_TASKS && s.cached >= started) {
      await sleep(500); // the ETA refresh that follows
      return;
    }
    await sleep(200);
  }
  throw new Error(`memory bench: ${started} item workflows did not settle within 60 s`);
}

const reply = <T>(child: ChildProcess, message: object | null, type: string, timeoutMs: number) =>
  replyFrom<T>(child, message, type, timeoutMs, 'memory worker');
