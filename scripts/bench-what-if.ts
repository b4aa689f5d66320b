// Measures the whatIf query end to end (HTTP → validation → whole kitchen read → two simulations
// → answer) on the seeded demo kitchen with 100, 500 and 1,000 active tasks of open orders, for
// each kind of change and all of them together. Starts its own stack (scripts/bench/stack.ts).
// Usage: npx tsx scripts/bench-what-if.ts   Prints median and p95 ms per size and change, then one JSON line.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { growBacklog } from './bench/eta-phase';
import { prepareBenchKitchen, type BenchKitchen } from './bench/kitchen-setup';
import { startBenchStack } from './bench/stack';
import { createRand } from './sim/prng';

const SIZES = [100, 500, 1000];
const WARMUP = 3;
const MEASURED = 20;
const WHAT_IF = `query($input: WhatIfInput!) { whatIf(input: $input) {
  computedAt orders { orderId orderNumber currentReadyAt whatIfReadyAt deltaMinutes lateWhatIf } summary { openOrders madeLate later earlier cannotBeMade } rush { orders lastReadyAt }
} }`;

const pct = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function changeSets(k: BenchKitchen): Record<string, Record<string, unknown>> {
  const [first, second] = k.stations;
  const rush = { orders: 50, spreadMinutes: 30, items: k.menu.slice(0, 2).map((d) => ({ menuItemId: d.id, quantity: 1 })) };
  return {
    'as it is': {},
    'one more slot': { stationSlots: [{ stationId: first.id, delta: 1 }] },
    'station down': { stationsDown: [second.id] },
    'rush of 50 over 30 min': { rush },
    'all together, one dish 86d': { stationSlots: [{ stationId: first.id, delta: 1 }], stationsDown: [second.id], eightySix: [k.menu[0].id], rush },
  };
}

async function main(): Promise<void> {
  const log = (m: string) => console.log(`[bench-what-if] ${m}`);
  const stack = await startBenchStack(log);
  const results: Array<{ activeTasks: number; openOrders: number; change: string; medianMs: number; p95Ms: number }> = [];
  try {
    const kitchen = await prepareBenchKitchen(stack.apiUrl);
    const placed: string[] = [];
    const failures: string[] = [];
    const rand = createRand(2026);
    for (const target of SIZES) {
      const active = await growBacklog(kitchen, stack.prisma, rand, target, placed, failures);
      await sleep(2_000); // let the recalculations the new orders triggered finish
      for (const [change, input] of Object.entries(changeSets(kitchen))) {
        const times: number[] = [];
        let openOrders = 0;
        for (let i = 0; i < WARMUP + MEASURED; i++) {
          const t0 = performance.now();
          const { whatIf } = await kitchen.manager.request<{ whatIf: { summary: { openOrders: number } } }>(WHAT_IF, { input });
          if (i >= WARMUP) times.push(performance.now() - t0);
          openOrders = whatIf.summary.openOrders;
        }
        times.sort((a, b) => a - b);
        const row = { activeTasks: active, openOrders, change, medianMs: Math.round(pct(times, 0.5) * 10) / 10, p95Ms: Math.round(pct(times, 0.95) * 10) / 10 };
        results.push(row);
        log(`${active} active tasks, ${openOrders} open orders, ${change}: median ${row.medianMs} ms, p95 ${row.p95Ms} ms`);
      }
    }
    console.log(JSON.stringify({ results, failures: failures.length }));
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
