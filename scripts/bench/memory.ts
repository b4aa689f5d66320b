import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { itemWorkflow, itemWorkflowId } from '../../workflows/item-workflow';
import { slope } from '../sim/stats';
import { NAMESPACE, type BenchStack } from './stack';

/**
 * Worker memory per 100 running item workflows: a worker in a child process (memory-worker.ts)
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
  const child = fork(path.join(root, 'scripts', 'bench', 'memory-worker.ts'), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, TEMPORAL_NAMESPACE: NAMESPACE, TASK_QUEUE: QUEUE, WORKFLOW_BUNDLE: stack.bundlePath },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
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
              workflowId: itemWorkflowId(`${orderId}.0`),
              taskQueue: QUEUE,
              args: [{ tenantId: 'bench-memory', orderId, orderItemId: `${orderId}.0`, fireAt: null, priority: 0 }],
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

/** A graceful worker shutdown (no "connection closed" warnings), killed if it takes too long. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until every started item materialised, queued its first tasks and sits in the cache. */
async function settled(child: ChildProcess, started: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const s = await reply<Stats>(child, { type: 'stats' }, 'stats', 5_000);
    if (s.materialized >= started && s.queued >= started * ROOT_TASKS && s.cached >= started) {
      await new Promise((resolve) => setTimeout(resolve, 500)); // the ETA refresh that follows
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`memory bench: ${started} item workflows did not settle within 60 s`);
}

function reply<T>(child: ChildProcess, message: object | null, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`memory worker: no "${type}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      done();
      resolve(msg as T);
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`memory worker exited with ${code}`));
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    if (message) child.send(message);
  });
}
