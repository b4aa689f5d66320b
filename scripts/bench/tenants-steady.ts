import type { Rand } from '../sim/prng';
import { median, percentile } from '../sim/stats';
import type { TenantCrew } from './tenant-crew';
import type { TenantWorkers, WorkerMemory } from './tenants-processes';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Every tenant at `ordersPerHour` (Poisson arrivals, real time), one or two of its two dishes
 * per order, cooked by its crew at the estimates divided by the crew's cookSpeed. Then the
 * crews finish what is open (at most `drainMs`), and what is left is cancelled.
 */
export interface SteadyResult {
  seconds: number;
  placed: number;
  ready: number;
  cancelledAtEnd: number;
  failures: string[];
  etaRunsPerSecond: number;
  /** Samples of the tenants the worker held while orders arrived (min, max). */
  cachedWhileBusy: { min: number; max: number };
  /** The worker when the last order arrived: the tenants' caches with their open orders (and those orders' workflows). */
  atArrivalsEnd: WorkerMemory;
}

export async function runSteadyPhase(opts: {
  crews: TenantCrew[];
  workers: TenantWorkers;
  rand: Rand;
  ordersPerHour: number;
  durationMs: number;
  drainMs: number;
}): Promise<SteadyResult> {
  const { crews, workers, rand } = opts;
  const failures: string[] = [];
  const placed: Array<{ crew: TenantCrew; id: string }> = [];
  const runsBefore = sum((await workers.stats()).map((s) => s.etaRuns));
  const t0 = Date.now();
  const end = t0 + opts.durationMs;
  const meanGapMs = 3_600_000 / opts.ordersPerHour;
  const cached: number[] = [];
  const sampler = setInterval(() => {
    void workers.stats().then(
      (all) => cached.push(sum(all.map((s) => s.cached.mirrors))),
      () => undefined,
    );
  }, 5_000);

  const tenant = async (crew: TenantCrew) => {
    // Exponential gaps: each tenant's orders are a Poisson process.
    let at = t0 - Math.log(1 - rand()) * meanGapMs;
    while (at < end) {
      await sleep(Math.max(0, at - Date.now()));
      const dish = Math.floor(rand() * 2);
      const quantity = rand() < 0.3 ? 2 : 1;
      await crew.place(dish, quantity).then(
        (id) => placed.push({ crew, id }),
        (err: Error) => failures.push(err.message),
      );
      at += -Math.log(1 - rand()) * meanGapMs;
    }
  };
  await Promise.all(crews.map(tenant));
  const arrivalsMs = Date.now() - t0;
  const runsAfter = sum((await workers.stats()).map((s) => s.etaRuns));

  const atArrivalsEnd = await workers.measure();
  const readyAt = await Promise.all(placed.map(({ crew, id }) => crew.waitReady(id, opts.drainMs)));
  const ready = readyAt.filter((at) => at !== null).length;
  clearInterval(sampler);
  let cancelledAtEnd = 0;
  for (const crew of crews) {
    for (const id of crew.openOrders()) {
      cancelledAtEnd++;
      await crew.cancel(id).catch((err: Error) => failures.push(err.message));
    }
  }
  return {
    seconds: Math.round(arrivalsMs / 1000),
    placed: placed.length,
    ready,
    cancelledAtEnd,
    failures,
    etaRunsPerSecond: (runsAfter - runsBefore) / (arrivalsMs / 1000),
    cachedWhileBusy: { min: cached.length ? Math.min(...cached) : 0, max: cached.length ? Math.max(...cached) : 0 },
    atArrivalsEnd,
  };
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

export function summarize(values: number[]) {
  return { n: values.length, median: median(values), p95: percentile(values, 0.95), max: values.length ? Math.max(...values) : null };
}
