// Benchmarks simulateKitchen on random but realistic kitchens (pizza/burger/salad/drink recipes,
// seven stations, a mix of queued, running and done work) with 100, 500 and 1,000 active tasks,
// each kitchen twice: with constant station capacities, and with capacities that follow shifts
// (staggered cooks starting and ending over the next hours, domain/eta/staffing.ts).
// Then a quote with its P10..P90 interval (quoteItems: one run plus SAMPLED_RUNS runs with every
// open task's duration drawn from a learned spread, sigma 0.25; sampledRunsFor the size) per size.
// Usage: npx tsx scripts/bench-eta.ts   Prints median and p95 ms (wall and CPU) per size, then one JSON line.
import { performance } from 'node:perf_hooks';
import { quoteItems } from '../domain/eta/quote';
import { simulateKitchen } from '../domain/eta/simulate';
import { sampledRunsFor } from '../domain/eta/uncertainty';
import { staffedCapacitySteps } from '../domain/eta/staffing';
import { kitchenFromGenes, STATION_TYPES, type ItemGene, type StationGene, type TaskGene } from '../domain/eta/test-kitchen';
import type { SimInput } from '../domain/eta/types';
import { createRand } from './sim/prng';

const NOW = Date.UTC(2026, 10, 20, 19, 0, 0);
const SIZES = [100, 500, 1000];
const KITCHENS_PER_SIZE = 10;
const WARMUP_RUNS = 50;
const MEASURED_RUNS = 200;

const type = (name: (typeof STATION_TYPES)[number]) => STATION_TYPES.indexOf(name);
/** [station type, minutes, dependencies] per task, in recipe order. */
type Step = [number, number, number[]];
const RECIPES: Step[][] = [
  [
    [type('prep'), 2, []],
    [type('prep'), 2, [0]],
    [type('forno'), 8, [1]],
    [type('prep'), 1, [2]],
    [type('packaging'), 1, [3]],
  ],
  [
    [type('grill'), 6, []],
    [type('grill'), 1, []],
    [type('prep'), 2, [0, 1]],
    [type('fry'), 4, []],
    [type('packaging'), 1, [2, 3]],
  ],
  [
    [type('cold'), 2, []],
    [type('cold'), 3, [0]],
    [type('cold'), 1, [1]],
    [type('packaging'), 1, [2]],
  ],
  [[type('bar'), 1, []]],
];
const STATIONS: StationGene[] = [
  { types: [type('prep')], capacity: 2, active: true, shout: false },
  { types: [type('forno')], capacity: 4, active: true, shout: false },
  { types: [type('grill')], capacity: 2, active: true, shout: false },
  { types: [type('fry')], capacity: 2, active: true, shout: true },
  { types: [type('cold'), type('prep')], capacity: 1, active: true, shout: false },
  { types: [type('bar')], capacity: 1, active: true, shout: false },
  { types: [type('packaging')], capacity: 2, active: true, shout: false },
];

function buildKitchen(activeTasks: number, seed: number): SimInput {
  const rand = createRand(seed);
  const items: ItemGene[] = [];
  let kitchen = kitchenFromGenes({ stations: STATIONS, items }, NOW);
  const active = () => kitchen.tasks.filter((t) => t.status !== 'DONE' && t.status !== 'CANCELLED').length;
  while (active() < activeTasks) {
    const recipe = RECIPES[Math.floor(rand() * RECIPES.length)];
    const roll = rand();
    const paced = rand() < 0.2 ? Math.floor(rand() * 10) * 60_000 : null;
    const tasks: TaskGene[] = recipe.map(([stationType, minutes, deps]) => ({
      type: stationType,
      deps,
      durationMs: Math.round(minutes * 60_000 * (0.8 + 0.4 * rand())),
      // Older orders are further along: the first items are mostly done or cooking.
      roll: Math.min(0.99, rand() * 0.6 + items.length / (activeTasks / 2.5)),
      age: rand(),
      assign: rand() < 0.7 ? 0 : -1,
      notBeforeMs: paced,
      cancelled: rand() < 0.02,
    }));
    items.push({ order: Math.floor(items.length / 2.5), priority: roll < 0.85 ? 0 : roll < 0.95 ? 1 : 2, tasks });
    kitchen = kitchenFromGenes({ stations: STATIONS, items }, NOW);
  }
  return { now: NOW, ...kitchen };
}

/**
 * The same kitchen with each station's capacity following shifts: as many cooks as its capacity,
 * each on a 4 to 8 hour shift that started up to an hour ago or starts within the next 90 minutes.
 */
function withShifts(input: SimInput, seed: number): SimInput {
  const rand = createRand(seed);
  const minutes = (m: number) => Math.round(m) * 60_000;
  const stations = input.stations.map((s) => {
    const shifts = Array.from({ length: s.capacity }, () => {
      const startsAt = NOW + minutes(rand() * 150 - 60);
      return { startsAt, endsAt: startsAt + minutes(240 + rand() * 240) };
    });
    return { ...s, capacitySteps: staffedCapacitySteps(s.capacity, shifts, NOW) };
  });
  return { ...input, stations };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function benchSize(activeTasks: number, capacity: 'constant' | 'shifts') {
  const kitchens = Array.from({ length: KITCHENS_PER_SIZE }, (_, i) => {
    const kitchen = buildKitchen(activeTasks, activeTasks * 31 + i);
    return capacity === 'shifts' ? withShifts(kitchen, activeTasks * 37 + i) : kitchen;
  });
  for (let i = 0; i < WARMUP_RUNS; i++) simulateKitchen(kitchens[i % kitchens.length]);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < MEASURED_RUNS; i++) {
    const input = kitchens[i % kitchens.length];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    simulateKitchen(input);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    activeTasks,
    capacity,
    capacityChanges: kitchens[0].stations.reduce((n, st) => n + Math.max(0, (st.capacitySteps?.length ?? 1) - 1), 0),
    totalTasks: kitchens[0].tasks.length,
    items: new Set(kitchens[0].tasks.map((t) => t.orderItemId)).size,
    stations: kitchens[0].stations.length,
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    // CPU time excludes moments the shared machine hands our core to someone else.
    cpuMedianMs: round(percentile(cpuTimes, 0.5)),
    cpuP95Ms: round(percentile(cpuTimes, 0.95)),
  };
}

/** A pizza quoted into the kitchen with its sampled interval, every open task with a learned spread. */
function benchInterval(activeTasks: number) {
  const kitchens = Array.from({ length: KITCHENS_PER_SIZE }, (_, i) => {
    const kitchen = buildKitchen(activeTasks, activeTasks * 31 + i);
    return { ...kitchen, tasks: kitchen.tasks.map((t) => ({ ...t, spread: 0.25 })) };
  });
  const pizza = RECIPES[0].map(([stationType, minutes, deps], i) => ({
    id: `t${i}`,
    orderId: '',
    orderItemId: '',
    stationType: STATION_TYPES[stationType],
    status: 'PENDING' as const,
    dependsOn: deps.map((d) => `t${d}`),
    durationMs: minutes * 60_000,
    spread: 0.25,
    priority: 0,
  }));
  const quote = (input: SimInput) => quoteItems({ now: input.now, stations: input.stations, tasks: input.tasks, newItems: [{ key: '0', tasks: pizza }] });
  for (let i = 0; i < 5; i++) quote(kitchens[i % kitchens.length]);
  const times: number[] = [];
  let width = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const q = quote(kitchens[i % kitchens.length]);
    times.push(performance.now() - t0);
    const s = q.readySamples!;
    width += (s[Math.floor(s.length * 0.9)] - s[Math.floor(s.length * 0.1)]) / 60_000 / 20;
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    activeTasks,
    runs: sampledRunsFor(kitchens[0].tasks.length + pizza.length) + 1,
    medianMs: round(percentile(times, 0.5)),
    p95Ms: round(percentile(times, 0.95)),
    meanP10toP90Minutes: round(width),
  };
}

function main(): void {
  const results = SIZES.flatMap((size) => [benchSize(size, 'constant'), benchSize(size, 'shifts')]);
  for (const r of results) {
    const capacity = r.capacity === 'shifts' ? `capacity by shifts, ${r.capacityChanges} changes` : 'constant capacity';
    console.log(
      `${String(r.activeTasks).padStart(5)} active tasks (${r.totalTasks} total, ${r.items} items, ${r.stations} stations, ${capacity}): median ${r.medianMs} ms, p95 ${r.p95Ms} ms (CPU median ${r.cpuMedianMs} ms, p95 ${r.cpuP95Ms} ms)`,
    );
  }
  const intervals = SIZES.map(benchInterval);
  for (const r of intervals) {
    console.log(
      `${String(r.activeTasks).padStart(5)} active tasks, quote with interval (${r.runs} simulations): median ${r.medianMs} ms, p95 ${r.p95Ms} ms, P10..P90 ${r.meanP10toP90Minutes} min`,
    );
  }
  console.log(JSON.stringify({ bench: 'eta', runs: MEASURED_RUNS, results, intervals }));
}

main();
