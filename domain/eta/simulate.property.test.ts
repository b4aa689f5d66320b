import fc from 'fast-check';
import {
  capacityViolations,
  slotsAt,
  eligibleStations,
  idleWhileWaitingViolations,
  placementViolations,
  precedenceViolations,
  priorityViolations,
} from './check-schedule';
import { simulateKitchen } from './simulate';
import { kitchenFromGenes, STATION_TYPES, type KitchenGenes } from './test-kitchen';
import type { SimInput, SimResult } from './types';

const NOW = Date.UTC(2026, 10, 20, 19, 0, 0);
const typeIndex = fc.integer({ min: 0, max: STATION_TYPES.length - 1 });
const percent = fc.integer({ min: 0, max: 99 }).map((x) => x / 100);

const stationGene = fc.record({
  types: fc.uniqueArray(typeIndex, { minLength: 1, maxLength: 4 }),
  // Mostly 1-3 slots; now and then 0, which must behave like a closed station.
  capacity: fc.integer({ min: 0, max: 9 }).map((x) => (x === 0 ? 0 : 1 + (x % 3))),
  active: fc.integer({ min: 0, max: 5 }).map((x) => x > 0),
  shout: fc.boolean(),
});
const taskGene = fc.record({
  type: typeIndex,
  deps: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
  // Whole half-minutes make equal finishes, hence ties, common.
  durationMs: fc.integer({ min: 1, max: 24 }).map((half) => half * 30_000),
  // Integers, not fc.double: fast-check biases doubles towards the bounds, which made almost every task DONE.
  roll: percent,
  age: percent,
  assign: fc.integer({ min: -1, max: 3 }),
  notBeforeMs: fc.option(
    fc.integer({ min: 0, max: 60 }).map((half) => half * 30_000),
    { nil: null },
  ),
  cancelled: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});
const kitchenGenes: fc.Arbitrary<KitchenGenes> = fc.record({
  stations: fc.array(stationGene, { minLength: 1, maxLength: 7 }),
  items: fc.array(
    fc.record({ order: fc.integer({ min: 0, max: 6 }), priority: fc.integer({ min: 0, max: 2 }), tasks: fc.array(taskGene, { minLength: 1, maxLength: 6 }) }),
    // 'medium' size: enough items that stations queue up and tasks compete for slots.
    { maxLength: 30, size: 'medium' },
  ),
});
const kitchen = kitchenGenes.map((genes): SimInput => ({ now: NOW, ...kitchenFromGenes(genes, NOW) }));

/** Shifts: slots change at whole half-minutes from 10 minutes ago to 30 ahead, often to 0 (nobody on shift). */
const stepsGene = fc.array(fc.record({ atMs: fc.integer({ min: -20, max: 60 }).map((half) => half * 30_000), capacity: fc.integer({ min: 0, max: 3 }) }), {
  minLength: 1,
  maxLength: 5,
});
/** The same kitchens with a step capacity on most stations (one in four keeps its constant capacity). */
const steppedKitchen = fc.tuple(kitchenGenes, fc.array(fc.option(stepsGene, { freq: 4 }), { minLength: 7, maxLength: 7 })).map(([genes, steps]): SimInput => {
  const stations = genes.stations.map((s, i) => (steps[i] ? { ...s, steps: steps[i] } : s));
  return { now: NOW, ...kitchenFromGenes({ ...genes, stations }, NOW) };
});

const KITCHENS = [
  ['constant capacity', kitchen],
  ['capacity that follows shifts', steppedKitchen],
] as const;

describe.each(KITCHENS)('simulateKitchen on random kitchens with %s', (_name, kitchen) => {
  const property = (check: (input: SimInput, result: SimResult) => string[]) =>
    fc.assert(
      fc.property(kitchen, (input) => expect(check(input, simulateKitchen(input))).toEqual([])),
      { numRuns: 300 },
    );

  it('starts every task after its dependencies finish and not before now or its notBefore', () => {
    property(precedenceViolations);
  });

  it('never runs more tasks on a station than it has slots', () => {
    property(capacityViolations);
  });

  it('runs every task on an active station that serves its type, or on the station it was assigned to', () => {
    property(placementViolations);
  });

  it('never leaves a slot idle while a task it could run is waiting', () => {
    property(idleWhileWaitingViolations);
  });

  it('never lets a station take a task while a higher-priority one it could run is waiting', () => {
    property(priorityViolations);
  });

  it('schedules every task except unschedulable ones, those left without a slot when shifts end, and those waiting on them; reports exactly the unschedulable', () => {
    property((input, result) => {
      const out: string[] = [];
      const openTasks = input.tasks.filter((t) => ['PENDING', 'QUEUED', 'BLOCKED'].includes(t.status));
      const unserved = openTasks
        .filter((t) => eligibleStations(input, t).length === 0)
        .map((t) => t.id)
        .sort();
      if (JSON.stringify(unserved) !== JSON.stringify(result.unschedulable)) out.push(`unschedulable ${result.unschedulable} != ${unserved}`);
      // A station whose last shift ends with nobody on may leave work undone; one open-ended never does.
      const everOpen = (t: (typeof openTasks)[number]) => eligibleStations(input, t).some((s) => slotsAt(s, Number.MAX_SAFE_INTEGER) >= 1);
      const missing = new Set(unserved);
      const mayMiss = new Set(unserved);
      // Deps always point at earlier tasks of the same item, so one pass in input order closes the sets.
      for (const t of openTasks) {
        if (t.dependsOn.some((d) => missing.has(d))) missing.add(t.id);
        if (!everOpen(t) || t.dependsOn.some((d) => mayMiss.has(d))) mayMiss.add(t.id);
      }
      for (const t of input.tasks.filter((t) => t.status !== 'CANCELLED')) {
        const scheduled = t.id in result.taskFinish;
        if (scheduled ? missing.has(t.id) : !mayMiss.has(t.id)) out.push(`${t.id} scheduled: ${scheduled}`);
      }
      return out;
    });
  });

  it('makes an item ready when its last live task finishes and an order when its last item is ready', () => {
    property((input, result) => {
      const out: string[] = [];
      const live = input.tasks.filter((t) => t.status !== 'CANCELLED');
      const ready = (ids: string[]) => (ids.every((id) => id in result.taskFinish) ? Math.max(...ids.map((id) => result.taskFinish[id])) : undefined);
      for (const item of new Set(live.map((t) => t.orderItemId))) {
        const expected = ready(live.filter((t) => t.orderItemId === item).map((t) => t.id));
        if (result.itemReady[item] !== expected) out.push(`item ${item}: ${result.itemReady[item]} != ${expected}`);
      }
      for (const order of new Set(live.map((t) => t.orderId))) {
        const expected = ready(live.filter((t) => t.orderId === order).map((t) => t.id));
        if (result.orderReady[order] !== expected) out.push(`order ${order}: ${result.orderReady[order]} != ${expected}`);
      }
      return out;
    });
  });

  it('gives the same answer for any order of the input and leaves the input untouched', () => {
    fc.assert(
      fc.property(kitchen, fc.nat(), (input, rotation) => {
        const before = structuredClone(input);
        const result = simulateKitchen(input);
        expect(input).toEqual(before);
        const k = input.tasks.length === 0 ? 0 : rotation % input.tasks.length;
        const shuffled = { ...input, tasks: [...input.tasks.slice(k), ...input.tasks.slice(0, k)].reverse(), stations: [...input.stations].reverse() };
        expect(simulateKitchen(shuffled)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});

describe('simulateKitchen with capacity steps', () => {
  it('gives exactly the constant-capacity answer when every step repeats the configured capacity', () => {
    fc.assert(
      fc.property(kitchen, fc.array(fc.integer({ min: -20, max: 60 }), { maxLength: 4 }), (input, offsets) => {
        const flat = {
          ...input,
          stations: input.stations.map((s) => ({ ...s, capacitySteps: offsets.map((half) => ({ from: NOW + half * 30_000, capacity: s.capacity })) })),
        };
        expect(simulateKitchen(flat)).toEqual(simulateKitchen(input));
      }),
      { numRuns: 200 },
    );
  });

  it('never starts new work on a station at an instant it has no slot', () => {
    fc.assert(
      fc.property(steppedKitchen, (input) => {
        const result = simulateKitchen(input);
        for (const task of input.tasks.filter((t) => ['PENDING', 'QUEUED', 'BLOCKED'].includes(t.status))) {
          const station = input.stations.find((s) => s.id === result.taskStation[task.id]);
          if (station) expect([task.id, slotsAt(station, result.taskStart[task.id]) >= 1]).toEqual([task.id, true]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
