import { median } from '../sim/stats';
import { runStep, type RunOne } from './ladder';
import { startNoopPool } from './noop-pool';
import type { BenchStack } from './stack';
import type { TenantCrew } from './tenant-crew';
import type { TenantKitchen } from './tenant-kitchens';
import type { TenantWorkers } from './tenants-processes';

/**
 * Throughput with 1, 2, 3… worker processes, ours against the no-op baseline with as many
 * no-op workers, both in the same minutes: at each worker count a closed loop of K =
 * `perWorker` × workers one-dish orders in flight (ours round-robin over the tenants, cooked at
 * once by their crews), steps of the two sides alternating for `rounds` rounds. Each step's rate
 * is Little's law (ladder.ts runStep); the median of the rounds is reported with its spread.
 */
export interface ScalingRow {
  workers: number;
  concurrency: number;
  ours: number[];
  noop: number[];
  oursMedian: number | null;
  noopMedian: number | null;
  oursP95Ms: number | null;
  failures: number;
}

export async function runScaling(opts: {
  stack: BenchStack;
  workers: TenantWorkers;
  kitchens: TenantKitchen[];
  crews: TenantCrew[];
  maxWorkers: number;
  perWorker: number;
  stepMs: number;
  rounds: number;
  log: (m: string) => void;
}): Promise<ScalingRow[]> {
  const { kitchens, crews } = opts;
  let next = 0;
  const ours: RunOne = async (timeoutMs) => {
    const i = next++ % crews.length;
    const t0 = Date.now();
    const id = await crews[i].place(next % 2);
    const at = await crews[i].waitReady(id, timeoutMs);
    return at === null ? null : at - t0;
  };
  for (const crew of crews) crew.cookSpeed = 0;
  const menu = { tenantId: kitchens[0].tenantId, recipes: kitchens[0].menu.map((m) => m.recipe) };
  const rows: ScalingRow[] = [];
  for (let w = 1; w <= opts.maxWorkers; w++) {
    await opts.workers.scaleTo(w);
    const noop = await startNoopPool(opts.stack, `bench-tenants-noop-${w}`, w, menu);
    try {
      const k = opts.perWorker * w;
      // Unmeasured: new worker processes have not run this path yet (JIT, pools, workflow caches).
      await runStep(ours, k, 3_000);
      await runStep(noop.runOne, k, 3_000);
      const row: ScalingRow = { workers: w, concurrency: k, ours: [], noop: [], oursMedian: null, noopMedian: null, oursP95Ms: null, failures: 0 };
      const p95s: number[] = [];
      for (let r = 0; r < opts.rounds; r++) {
        // Which side goes first alternates, so neither always gets the calmer half of a round.
        const sides = r % 2 === 0 ? (['ours', 'noop'] as const) : (['noop', 'ours'] as const);
        for (const side of sides) {
          const step = await runStep(side === 'ours' ? ours : noop.runOne, k, opts.stepMs);
          row[side].push(step.itemsPerSecond);
          row.failures += step.failures;
          if (side === 'ours' && step.p95Ms !== null) p95s.push(step.p95Ms);
        }
      }
      row.oursMedian = median(row.ours);
      row.noopMedian = median(row.noop);
      row.oursP95Ms = median(p95s);
      rows.push(row);
      opts.log(
        `  ${w} worker${w > 1 ? 's' : ''}, K=${k}: ours ${row.oursMedian?.toFixed(2)} items/s [${spread(row.ours)}], no-op ${row.noopMedian?.toFixed(2)} [${spread(row.noop)}]${row.failures ? `, ${row.failures} timed out` : ''}`,
      );
    } finally {
      await noop.stop();
    }
  }
  return rows;
}

export const spread = (values: number[]) => (values.length ? `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}` : '–');
