import { spawn } from 'node:child_process';
import path from 'node:path';
import { createKitchenActivities } from '../../activities';
import { OPEN_TASK_STATUSES } from '../../domain/kitchen/open-statuses';
import { ETA_MIN_SPACING_MS } from '../../core/eta/eta-runs';
import { createEventPublisher } from '../../events/event-publisher';
import { createKitchenStateLoader, loadKitchenState } from '../../core/kitchen-read/kitchen-state';
import { createLearnedDurationsCache } from '../../core/kitchen-read/learned-durations';
import type { Db } from '../../db/client';
import { simulateKitchen } from '../../domain/eta';
import { sample, type Rand } from '../sim/prng';
import { CREATE_ORDER } from '../sim/queries';
import { summarizeLatencies, type LatencySummary } from '../sim/stats';
import type { BenchKitchen } from './kitchen-setup';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../contracts/errors';

/**
 * ETA recomputation cost, two ways:
 * - pure: `scripts/bench-eta.ts` (simulateKitchen on generated kitchens from domain/eta/test-kitchen.ts),
 *   run as a child process and its JSON line read back;
 * - end to end: the real `recalculateEta` activity (lock, load the kitchen from PostgreSQL, simulate,
 *   store the ETAs that moved, emit) called in-process, outside Temporal, with N active task rows
 *   made by real orders through the API. The load and simulate steps are also timed on their own.
 */
const RUNS = 12;

export interface PureEtaResult {
  activeTasks: number;
  /** Constant station capacities, or capacities that follow staggered shifts (absent in reports before issue 20: constant). */
  capacity?: 'constant' | 'shifts';
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
}

export interface E2eEtaResult {
  targetActiveTasks: number;
  activeTasks: number;
  openOrders: number;
  activity: LatencySummary;
  loadState: LatencySummary;
  /** The whole open kitchen read with no mirror (a worker's first run, the API's quote). */
  loadWhole?: LatencySummary;
  simulate: LatencySummary;
  /** BURST concurrent recalculateEta calls (a busy kitchen's transitions), wall time for all of them. */
  burst: { calls: number; totalMs: number };
}

const BURST = 20;

export function runPureEtaBench(root: string): Promise<PureEtaResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'bench-eta.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{"bench":"eta"'));
      if (code !== 0 || !line) return reject(new Error(`scripts/bench-eta.ts exited with ${code}: ${out.slice(-500)}`));
      resolve((JSON.parse(line) as { results: PureEtaResult[] }).results);
    });
  });
}

export function countActiveTasks(prisma: Db, tenantId: string): Promise<number> {
  return prisma.taskInstance.count({ where: { tenantId, status: { in: [...OPEN_TASK_STATUSES] } } });
}

/**
 * Places uncooked orders (nobody works them) until the tenant has at least `target` active tasks.
 * A few at a time, like a busy phone line; a failed createOrder is counted and retried with
 * another order (under heavy load the API can time out), up to MAX_FAILURES.
 */
const MAX_FAILURES = 20;

export async function growBacklog(kitchen: BenchKitchen, prisma: Db, rand: Rand, target: number, placed: string[], failures: string[]): Promise<number> {
  let active = await countActiveTasks(prisma, kitchen.tenantId);
  while (active < target) {
    // Four dishes per order (fewer calls to place and later cancel), roughly 4–5 tasks per dish.
    const batch = Math.max(1, Math.min(4, Math.ceil((target - active) / 18)));
    await Promise.all(
      Array.from({ length: batch }, async () => {
        const dishes = sample(rand, kitchen.menu, 4);
        const input = { channel: 'PHONE', priority: 0, items: dishes.map((d) => ({ menuItemId: d.id, quantity: 1 + Math.floor(rand() * 2) })) };
        try {
          const { createOrder } = await kitchen.operator.request<{ createOrder: { id: string } }>(CREATE_ORDER, { input });
          placed.push(createOrder.id);
        } catch (err) {
          failures.push(`backlog createOrder: ${errorMessage(err)}`);
        }
      }),
    );
    if (failures.length > MAX_FAILURES) throw new Error(`backlog: ${failures.length} createOrder calls failed, last: ${failures[failures.length - 1]}`);
    await sleep(300);
    active = await countActiveTasks(prisma, kitchen.tenantId);
  }
  return active;
}

export async function measureEtaEndToEnd(o: { prisma: Db; databaseUrl: string; tenantId: string; target: number }): Promise<E2eEtaResult> {
  const events = createEventPublisher({ databaseUrl: o.databaseUrl });
  const { recalculateEta } = createKitchenActivities({ prisma: o.prisma, events });
  const activity: number[] = [];
  const load: number[] = [];
  const whole: number[] = [];
  const sim: number[] = [];
  let burstMs: number;
  // Timed as the activity loads it: the same per-worker mirror of the open kitchen and learned averages, warm.
  const loader = createKitchenStateLoader(createLearnedDurationsCache());
  await loader.load(o.prisma, o.tenantId, Date.now());
  const openTasks = (await loader.load(o.prisma, o.tenantId, Date.now())).tasks.map((t) => t.id);
  try {
    for (let i = 0; i < RUNS; i++) {
      // A tenant's runs start ETA_MIN_SPACING_MS apart: wait that out, or the timing would be the spacing, not the work.
      await sleep(ETA_MIN_SPACING_MS);
      // Each run follows a transition in a real kitchen: rewrite one open task's row (and its item's), as a
      // transition does, so the run has changed rows to read besides those its own writes and the ETA timers leave.
      const touched = openTasks[i % openTasks.length];
      await o.prisma.$executeRaw`UPDATE task_instances SET updated_at = now() WHERE id = ${touched}::uuid`;
      await o.prisma.$executeRaw`UPDATE order_items SET status = status WHERE id = (SELECT order_item_id FROM task_instances WHERE id = ${touched}::uuid)`;
      let t = performance.now();
      await recalculateEta({ tenantId: o.tenantId, reason: 'bench' });
      activity.push(performance.now() - t);
      t = performance.now();
      const state = await loader.load(o.prisma, o.tenantId, Date.now());
      load.push(performance.now() - t);
      t = performance.now();
      simulateKitchen(state);
      sim.push(performance.now() - t);
      // What a worker's first run (and the API's quote) reads instead: the whole open kitchen.
      t = performance.now();
      await loadKitchenState(o.prisma, o.tenantId, Date.now());
      whole.push(performance.now() - t);
    }
    await sleep(ETA_MIN_SPACING_MS);
    const t = performance.now();
    await Promise.all(Array.from({ length: BURST }, () => recalculateEta({ tenantId: o.tenantId, reason: 'bench-burst' })));
    burstMs = performance.now() - t;
  } finally {
    await events.close();
  }
  const state = await loadKitchenState(o.prisma, o.tenantId, Date.now());
  return {
    targetActiveTasks: o.target,
    activeTasks: state.tasks.length,
    openOrders: state.orders.size,
    activity: summarizeLatencies(activity),
    loadState: summarizeLatencies(load),
    loadWhole: summarizeLatencies(whole),
    simulate: summarizeLatencies(sim),
    burst: { calls: BURST, totalMs: Math.round(burstMs) },
  };
}
