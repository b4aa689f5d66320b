// What-if for an order that is not placed yet: add its tasks to a copy of the kitchen and
// simulate. Inputs are never mutated; existing work keeps its place in every queue.
import { capacityAt, staffedFrom } from './capacity';
import { simulateKitchen } from './simulate';
import { sampledRunsFor, sampleReadyTimes } from './uncertainty';
import type { QueueRule } from '../kitchen/queue-order';
import type { SimInput, SimStation, SimTask } from './types';

export interface QuoteItem {
  key: string;
  /** The item's recipe tasks; ids and dependsOn are local to the item. */
  tasks: SimTask[];
}

export interface Quote {
  /** When the whole order would be ready (max over perItem); now for an order without tasks. */
  readyAt: number;
  /** Ready time per item key; items listed in unschedulableItems are absent. */
  perItem: Record<string, number>;
  /** Keys of items that cannot be made: one of their station types has no active station, or nobody on shift there from now on. */
  unschedulableItems: string[];
  /**
   * Stations the order needs that have nobody on shift now, where no other station of the same type
   * has anyone either: the order's work there waits for `staffedFrom`, the start of their next
   * shift (null: none planned). Only stations whose capacity follows shifts can be unstaffed.
   */
  unstaffed: Array<{ stationId: string; staffedFrom: number | null }>;
  /**
   * The order's ready time in each of a few dozen runs with durations drawn from their learned
   * spread (uncertainty.ts), sorted: its quantiles are the P10/P50/P90. Null when no task involved
   * has a learned spread (or sampling was turned off): only the point estimate is known.
   */
  readySamples: number[] | null;
}

export const QUOTE_PREFIX = 'quote:';

export function quoteItems(opts: {
  now: number;
  stations: SimStation[];
  tasks: SimInput['tasks'];
  newItems: QuoteItem[];
  sampledRuns?: number;
  queueRule?: QueueRule;
}): Quote {
  const orderId = `${QUOTE_PREFIX}order`;
  const itemId = (key: string) => `${QUOTE_PREFIX}${key}`;
  const added: SimTask[] = [];
  for (const item of opts.newItems) {
    const local = new Set(item.tasks.map((t) => t.id));
    const qualify = (id: string) => `${QUOTE_PREFIX}${item.key}:${id}`;
    for (const task of item.tasks) {
      if (task.status === 'CANCELLED') continue;
      // A hypothetical task has not been queued, started or assigned, whatever the caller copied in.
      added.push({
        ...task,
        id: qualify(task.id),
        orderId,
        orderItemId: itemId(item.key),
        status: 'PENDING',
        stationId: null,
        startedAt: null,
        completedAt: null,
        queuedAt: null,
        // No promise yet: behind every promised order. Measured (npm run eta:eval) against one more run
        // ranked by its own first estimate, which came out optimistic: its promise is later than that.
        promiseAt: Infinity,
        dependsOn: task.dependsOn.map((dep) => (local.has(dep) ? qualify(dep) : dep)),
      });
    }
  }
  const input: SimInput = {
    now: opts.now,
    stations: opts.stations,
    tasks: [...opts.tasks, ...added],
    latecomerTaskIds: new Set(added.map((t) => t.id)),
    queueRule: opts.queueRule,
  };
  const result = simulateKitchen(input);

  const perItem: Record<string, number> = {};
  const unschedulableItems: string[] = [];
  let readyAt = opts.now;
  for (const item of opts.newItems) {
    const ready = item.tasks.some((t) => t.status !== 'CANCELLED') ? result.itemReady[itemId(item.key)] : opts.now;
    if (ready === undefined) unschedulableItems.push(item.key);
    else {
      perItem[item.key] = ready;
      readyAt = Math.max(readyAt, ready);
    }
  }
  const runs = opts.sampledRuns ?? sampledRunsFor(input.tasks.length);
  const sampled = added.length > 0 && unschedulableItems.length === 0 && runs > 0 ? sampleReadyTimes(input, [orderId], { runs })?.get(orderId) : null;
  return {
    readyAt,
    perItem,
    unschedulableItems,
    unstaffed: unstaffedStations(opts.stations, added, opts.now),
    readySamples: sampled && sampled.length > 0 ? sampled : null,
  };
}

function unstaffedStations(stations: SimStation[], tasks: SimTask[], now: number): Quote['unstaffed'] {
  const out = new Map<string, number | null>();
  for (const type of new Set(tasks.map((t) => t.stationType.toLowerCase()))) {
    const serving = stations.filter((s) => s.isActive && s.taskTypes.some((t) => t.toLowerCase() === type));
    if (serving.some((s) => capacityAt(s, now) >= 1)) continue;
    for (const s of serving) if (s.capacitySteps?.length) out.set(s.id, staffedFrom(s, now));
  }
  return [...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([stationId, from]) => ({ stationId, staffedFrom: from }));
}
