import { expectedDurationMs, learnedSpread, quantityFactor, type LearnedDuration, type SimStation, type SimTask } from '../../domain/eta';
import type { Db } from '../../db/client';
import { refreshMirror, type KitchenMirror, type OpenItem, type OpenOrder, type OpenTask } from './kitchen-mirror';
import { loadLearnedDurations, type LearnedDurationsCache } from './learned-durations';
import { staffedStations } from './staffed-stations';
import { createTenantCache, type TenantCacheLimits } from '../../config/tenant-caches';

export interface KitchenState {
  now: number;
  /** Each with its capacity over time when shifts are planned there (staffed-stations.ts). */
  stations: SimStation[];
  /** The tasks, items and orders are shared with the loader's later runs while their rows do not change: read them, never write them. */
  tasks: ReadonlyArray<Readonly<SimTask>>;
  items: Map<string, Readonly<OpenItem>>;
  orders: Map<string, Readonly<OpenOrder>>;
}

export interface KitchenStateLoader {
  load(db: Db, tenantId: string, now: number): Promise<KitchenState>;
  /** Tenants whose mirror is held (for the tests and the many-tenants bench). */
  cachedTenants(): number;
}

/**
 * The kitchen as the simulation sees it: every unfinished task of the tenant's open orders (a
 * finished dependency is simply absent, which the simulation treats as done), every station, and
 * each task's expected duration from its learned history.
 *
 * Every transition reloads this, so the loader keeps a mirror of each tenant's open tasks, items
 * and orders and reads only the rows written since its previous read (kitchen-mirror.ts), plus the
 * stations and the shifts that set their capacity, in one statement. A task's fixed part (recipe task, dependencies, quantity, estimate)
 * is read once, when it is first seen, and the task as the simulation gets it is rebuilt only when
 * its row or its learned average changed: decoding rows that had not changed was most of the cost
 * (bench/README.md). A tenant's mirror is released once it went quiet (`limits`,
 * config/tenant-caches.ts); when it comes back, its next read is a whole one.
 */
export function createKitchenStateLoader(learnedCache: LearnedDurationsCache | null = null, limits?: TenantCacheLimits): KitchenStateLoader {
  const mirrors = createTenantCache<KitchenMirror>(limits);
  /** Reads of one tenant apply in turn: an older read must never overwrite a newer one. Empty when none is in flight. */
  const turns = new Map<string, Promise<unknown>>();
  const refresh = async (db: Db, tenantId: string, now: number) => {
    const { mirror, stations } = await refreshMirror(db, tenantId, mirrors.get(tenantId), now);
    mirrors.set(tenantId, mirror);
    return { mirror, stations: staffedStations(stations, mirror.shifts.values(), now) };
  };

  return {
    async load(db, tenantId, now) {
      const read = (turns.get(tenantId) ?? Promise.resolve()).then(() => refresh(db, tenantId, now));
      // A failed read leaves the mirror as it was: the next one retries.
      const turn: Promise<unknown> = read
        .catch(() => undefined)
        .then(() => {
          if (turns.get(tenantId) === turn) turns.delete(tenantId);
        });
      turns.set(tenantId, turn);
      const { mirror, stations } = await read;
      return stateOf(db, tenantId, now, mirror, stations, learnedCache);
    },
    cachedTenants: () => mirrors.size,
  };
}

/** The kitchen as the simulation gets it, from a tenant's mirror (each task's SimTask is kept on it while it holds). */
async function stateOf(
  db: Db,
  tenantId: string,
  now: number,
  mirror: KitchenMirror,
  stations: SimStation[],
  learnedCache: LearnedDurationsCache | null,
): Promise<KitchenState> {
  // An open item of an order that is no longer open is not the kitchen's work: keep the items whose order is open.
  const items = new Map<string, Readonly<OpenItem>>();
  const orders = new Map<string, Readonly<OpenOrder>>();
  for (const item of mirror.items.values()) {
    const order = mirror.orders.get(item.orderId);
    if (!order) continue;
    items.set(item.id, item);
    orders.set(order.id, order);
  }
  const templateIds = new Set<string>();
  for (const { fixed } of mirror.tasks.values()) if (fixed.templateId) templateIds.add(fixed.templateId);
  const learned = learnedCache ? await learnedCache.load(db, tenantId, [...templateIds]) : await loadLearnedDurations(db, tenantId, [...templateIds]);
  const tasks: SimTask[] = [];
  for (const open of mirror.tasks.values()) {
    // Open tasks of a closed item or order (none, if every writer keeps its invariants) are not the kitchen's work.
    if (!items.has(open.fixed.orderItemId)) continue;
    // Most tasks did not change since the last run: the same row (a changed one is a new entry), and
    // the same averages (the cache hands out the same lookup while they hold) or at least the same average.
    if (open.sim?.lookup !== learned) {
      const average = learned.lookup(open.fixed.templateId, open.fixed.taskDefId, open.stationId, open.fixed.stationType);
      open.sim = { task: open.sim?.average === average ? open.sim.task : simTask(open, average), lookup: learned, average };
    }
    // The order's promise ranks the task in the station queues (domain/kitchen/queue-order.ts); the first ETA run may set it after the task was built.
    const promiseAt = orders.get(open.fixed.orderId)?.initialEstimatedReadyAt ?? null;
    if ((open.sim.task.promiseAt ?? null) !== promiseAt) open.sim.task = { ...open.sim.task, promiseAt };
    tasks.push(open.sim.task);
  }
  return { now, stations, tasks, items, orders };
}

function simTask(open: OpenTask, learned: LearnedDuration | null): SimTask {
  const t = open.fixed;
  return {
    id: open.id,
    orderId: t.orderId,
    orderItemId: t.orderItemId,
    stationType: t.stationType,
    stationId: open.stationId,
    status: open.status,
    dependsOn: t.dependsOn,
    durationMs: expectedDurationMs({
      // The stored minutes are already scaled; back to one unit so learned time scales the same way.
      estimateMinutes: (t.estimatedMinutes - t.addedMinutes) / quantityFactor(t.quantity),
      addedMinutes: t.addedMinutes / quantityFactor(t.quantity),
      quantity: t.quantity,
      learned,
    }),
    spread: learnedSpread(learned),
    startedAt: open.startedAt,
    priority: open.priority,
    queuedAt: open.queuedAt,
    plannedAt: t.plannedStartAt,
    // Only an item's first tasks wait for its fire time; later ones wait for their dependencies.
    notBefore: open.status === 'PENDING' && t.dependsOn.length === 0 ? t.plannedStartAt : null,
  };
}

/** Uncached, for one-off reads (the API's ETA quote): a whole read, kept by nobody. */
export async function loadKitchenState(db: Db, tenantId: string, now: number): Promise<KitchenState> {
  const { mirror, stations } = await refreshMirror(db, tenantId, undefined, now);
  return stateOf(db, tenantId, now, mirror, staffedStations(stations, mirror.shifts.values(), now), null);
}
