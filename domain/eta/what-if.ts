// What-if: the current kitchen's simulation input with a manager's changes applied, and how each
// open order's ready time moves. Pure: inputs are never mutated, nothing here reads a clock.
import type { CapacityStep, SimInput, SimResult, SimStation, SimTask } from './types';

export const WHAT_IF_PREFIX = 'what-if:';

/** One dish of a rush order: its recipe tasks as quoteItems takes them (local ids, planned from `now`). */
export interface RushItem {
  key: string;
  dishId: string;
  tasks: SimTask[];
}

export interface WhatIfChanges {
  /** Slots added (or, negative, taken) at a station, at every instant of its capacity timeline; never below 0. */
  slots?: ReadonlyArray<{ stationId: string; delta: number }>;
  /** Stations that take no new work: what they are cooking finishes there, what waits there moves to a station of its type. */
  down?: ReadonlyArray<string>;
  /**
   * Dishes 86'd: no new order of them is taken, so rush orders come without them. Open orders keep
   * theirs: their stock was taken when they were ordered, and a kitchen cooks what it accepted.
   */
  eightySix?: ReadonlyArray<string>;
  /** `orders` orders of `items`, the first arriving now and the others evenly over `spreadMs`. */
  rush?: { orders: number; spreadMs: number; items: ReadonlyArray<RushItem> } | null;
}

export interface WhatIfInput extends SimInput {
  /** The rush orders' ids in arrival order (none without a rush, or when every dish of it was 86'd). */
  rushOrderIds: string[];
  /** Rush lines left out because their dish was 86'd (per order, times the orders). */
  droppedLines: number;
}

const shifted = (steps: SimStation['capacitySteps'], delta: number): CapacityStep[] | null | undefined =>
  steps?.map((s) => ({ from: s.from, capacity: Math.max(0, s.capacity + delta) }));

/** The stations and tasks of `base` with the changes applied; `base` is left as it was. */
export function applyWhatIf(base: Pick<SimInput, 'now' | 'stations' | 'tasks'>, changes: WhatIfChanges): WhatIfInput {
  const delta = new Map<string, number>();
  for (const { stationId, delta: d } of changes.slots ?? []) delta.set(stationId, (delta.get(stationId) ?? 0) + d);
  const down = new Set(changes.down ?? []);
  const stations = base.stations.map((s) => {
    const d = delta.get(s.id) ?? 0;
    if (d === 0 && !down.has(s.id)) return s;
    return {
      ...s,
      capacity: Math.max(0, s.capacity + d),
      capacitySteps: shifted(s.capacitySteps, d),
      isActive: s.isActive && !down.has(s.id),
    };
  });

  const rush = changes.rush;
  const eightySix = new Set(changes.eightySix ?? []);
  const items = (rush?.items ?? []).filter((i) => !eightySix.has(i.dishId));
  const droppedLines = rush ? (rush.items.length - items.length) * rush.orders : 0;
  const added: SimTask[] = [];
  const rushOrderIds: string[] = [];
  if (rush && items.length > 0) {
    for (let k = 0; k < rush.orders; k++) {
      const arrival = base.now + Math.round((k * rush.spreadMs) / rush.orders);
      const orderId = `${WHAT_IF_PREFIX}rush:${k}`;
      rushOrderIds.push(orderId);
      for (const item of items) added.push(...rushTasks(item, orderId, arrival - base.now, arrival));
    }
  }
  return {
    now: base.now,
    stations,
    tasks: added.length > 0 ? [...base.tasks, ...added] : base.tasks,
    // A rush order lines up behind the work already there, as a quoted order does.
    latecomerTaskIds: new Set(added.map((t) => t.id)),
    rushOrderIds,
    droppedLines,
  };
}

/** One rush order's tasks of one dish: not queued anywhere yet, and none starts before the order arrives. */
function rushTasks(item: RushItem, orderId: string, offset: number, arrival: number): SimTask[] {
  const local = new Set(item.tasks.map((t) => t.id));
  const qualify = (id: string) => `${orderId}:${item.key}:${id}`;
  return item.tasks
    .filter((t) => t.status !== 'CANCELLED')
    .map((t) => ({
      ...t,
      id: qualify(t.id),
      orderId,
      orderItemId: `${orderId}:${item.key}`,
      status: 'PENDING' as const,
      stationId: null,
      startedAt: null,
      completedAt: null,
      queuedAt: null,
      plannedAt: (t.plannedAt ?? arrival - offset) + offset,
      notBefore: arrival,
      // No promise yet, as a quoted order (quote.ts): behind every promised order in the queues.
      promiseAt: Infinity,
      dependsOn: t.dependsOn.map((dep) => (local.has(dep) ? qualify(dep) : dep)),
    }));
}

/** An open order as the comparison needs it: its open items (an order's ETA is their latest) and its promise. */
export interface WhatIfOrder {
  id: string;
  itemIds: ReadonlyArray<string>;
  promisedAt: number | null;
}

export interface WhatIfRow {
  orderId: string;
  /** Null when one of its items has no honest ready time (its station type has no usable station). */
  currentReadyAt: number | null;
  whatIfReadyAt: number | null;
  /** whatIf - current in ms; null when either is unknown. */
  deltaMs: number | null;
  promisedAt: number | null;
  lateNow: boolean;
  lateWhatIf: boolean;
}

export interface WhatIfSummary {
  openOrders: number;
  /** On time (or unknown) now, past their promise with the change. */
  madeLate: number;
  /** Past their promise now, on time with the change. */
  madeOnTime: number;
  /** Ready at least a minute later / earlier with the change. */
  later: number;
  earlier: number;
  /** Orders that have a ready time now and none with the change (nothing left to make one of their dishes). */
  cannotBeMade: number;
}

/** Movements under a minute are noise to a kitchen (ETAs are told in minutes). */
export const WHAT_IF_MOVE_MS = 60_000;

const readyOf = (result: SimResult, itemIds: ReadonlyArray<string>): number | null => {
  let ready: number | null = null;
  for (const id of itemIds) {
    const at = result.itemReady[id];
    if (at === undefined) return null;
    ready = Math.max(ready ?? -Infinity, at);
  }
  return ready;
};

const late = (ready: number | null, promised: number | null) => ready !== null && promised !== null && ready > promised;

/** Each open order's ready time now and with the change, in the given order, and what that adds up to. */
export function compareWhatIf(orders: ReadonlyArray<WhatIfOrder>, current: SimResult, whatIf: SimResult): { rows: WhatIfRow[]; summary: WhatIfSummary } {
  const summary: WhatIfSummary = { openOrders: orders.length, madeLate: 0, madeOnTime: 0, later: 0, earlier: 0, cannotBeMade: 0 };
  const rows = orders.map((o) => {
    const now = readyOf(current, o.itemIds);
    const then = readyOf(whatIf, o.itemIds);
    const deltaMs = now !== null && then !== null ? then - now : null;
    const row = {
      orderId: o.id,
      currentReadyAt: now,
      whatIfReadyAt: then,
      deltaMs,
      promisedAt: o.promisedAt,
      lateNow: late(now, o.promisedAt),
      lateWhatIf: late(then, o.promisedAt),
    };
    if (!row.lateNow && row.lateWhatIf) summary.madeLate++;
    if (row.lateNow && !row.lateWhatIf && then !== null) summary.madeOnTime++;
    if (deltaMs !== null && deltaMs >= WHAT_IF_MOVE_MS) summary.later++;
    if (deltaMs !== null && deltaMs <= -WHAT_IF_MOVE_MS) summary.earlier++;
    if (now !== null && then === null) summary.cannotBeMade++;
    return row;
  });
  return { rows, summary };
}
