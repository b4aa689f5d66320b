import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { forkChild, reply, stopChild } from './child';
import { NAMESPACE, type BenchStack } from './stack';

/**
 * The processes of the many-tenants bench beside the bench stack's own: an API on a task queue
 * of its own (so only this bench's workers serve its orders) and any number of kitchen workers
 * (tenants-worker.ts) that report their caches and memory.
 */
export const TENANTS_QUEUE = 'bench-tenants';

export interface WorkerStats {
  etaRuns: number;
  cached: { mirrors: number; learned: number };
}
export type WorkerMemory = WorkerStats & NodeJS.MemoryUsage;

const envOf = (stack: BenchStack) => ({
  ...process.env,
  DATABASE_URL: stack.databaseUrl,
  TEMPORAL_ADDRESS: stack.temporalAddress,
  TEMPORAL_NAMESPACE: NAMESPACE,
  TASK_QUEUE: TENANTS_QUEUE,
  WORKFLOW_BUNDLE: stack.bundlePath,
});

export async function startTenantsApi(stack: BenchStack): Promise<{ url: string; stop(): Promise<void> }> {
  const child = forkChild(path.join(__dirname, 'role.ts'), { env: envOf(stack), args: ['api'] });
  try {
    const { url } = await reply<{ url: string }>(child, null, 'ready', 120_000, 'bench tenants api');
    return { url, stop: () => stopChild(child) };
  } catch (err) {
    await stopChild(child);
    throw err;
  }
}

export class TenantWorkers {
  readonly children: ChildProcess[] = [];

  constructor(
    private readonly stack: BenchStack,
    private readonly idleSeconds: number,
  ) {}

  /** Starts workers until `count` run. */
  async scaleTo(count: number): Promise<void> {
    while (this.children.length < count) {
      const child = forkChild(path.join(__dirname, 'tenants-worker.ts'), {
        execArgv: ['--expose-gc'],
        env: { ...envOf(this.stack), TENANT_CACHE_IDLE_SECONDS: String(this.idleSeconds) },
      });
      this.children.push(child);
      await reply(child, null, 'ready', 120_000, 'bench tenants worker');
    }
  }

  /** Every worker's ETA runs and cached tenants. */
  stats(): Promise<WorkerStats[]> {
    return Promise.all(this.children.map((c) => reply<WorkerStats>(c, { type: 'stats' }, 'stats', 10_000, 'bench tenants worker')));
  }

  measure(index = 0): Promise<WorkerMemory> {
    return reply<WorkerMemory>(this.children[index], { type: 'measure' }, 'memory', 20_000, 'bench tenants worker');
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map((c) => stopChild(c)));
  }
}
