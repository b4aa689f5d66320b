import { expectedDurationMs, quantityFactor, type LearnedDuration, type SimStation, type SimTask } from '../domain/eta';
import { queryRows, type Db } from '../db/client';
import { Prisma } from '../prisma/generated/client';
import { loadLearnedDurations, type LearnedDurationsCache } from './learned-durations';

/** An unfinished item of an open order, with the ETAs stored last time (to tell what moved). */
export interface OpenItem {
  id: string;
  orderId: string;
  name: string;
  quantity: number;
  estimatedReadyAt: number | null;
  /** Flagged late once already: from then on only its ETA, not the promise, is checked. */
  isLate: boolean;
}

export interface OpenOrder {
  id: string;
  priority: number;
  estimatedReadyAt: number | null;
  initialEstimatedReadyAt: number | null;
}

export interface KitchenState {
  now: number;
  stations: SimStation[];
  /** Shared with the loader's later runs while a task does not change: read them, never write them. */
  tasks: ReadonlyArray<Readonly<SimTask>>;
  items: Map<string, OpenItem>;
  orders: Map<string, OpenOrder>;
}

/** What never changes once a task is materialised: read once per task, then kept while it is open. */
interface TaskStatic {
  orderId: string;
  orderItemId: string;
  taskDefId: string;
  templateId: string | null;
  stationType: string;
  dependsOn: string[];
  quantity: number;
  estimatedMinutes: number;
  plannedStartAt: number | null;
}

/** What transitions change: status, station, priority and the two timestamps. */
interface TaskDynamic {
  id: string;
  status: SimTask['status'];
  stationId: string | null;
  priority: number;
  queuedAt: number | null;
  startedAt: number | null;
}

type OpenTask = TaskDynamic & {
  fixed: TaskStatic;
  /** The task as the simulation gets it, built from this row and the learned average it was built with. */
  sim?: { task: SimTask; learned: LearnedDuration | null };
};

/** One read of the kitchen, in one statement (one snapshot): the open tasks that changed (all of them on a whole read). */
interface KitchenRead {
  horizon: string;
  stations: SimStation[];
  tasks: TaskDynamic[];
  items: OpenItem[];
  orders: OpenOrder[];
}

/** A timestamp as epoch milliseconds (null stays null), as the simulation counts time. */
const epochMs = (column: Prisma.Sql) => Prisma.sql`(extract(epoch from ${column}) * 1000)::float8`;

/** One tenant's open tasks as of `horizon` (see createKitchenStateLoader). */
interface TenantTasks {
  open: Map<string, OpenTask>;
  /** The xmin of the snapshot the last read used: every transaction below it had ended and was seen. */
  horizon: string;
  /** performance.now() of the last whole read (the kitchen's clock may be a test's). */
  fullReadAt: number;
}

const OPEN_STATUSES = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'BLOCKED'];

/**
 * Rows are never deleted by the kitchen (only by a tenant's removal), and a deleted row is the one
 * change a read of changed rows cannot see: the open tasks are read whole again this often.
 */
export const FULL_READ_EVERY_MS = 60_000;

export interface KitchenStateLoader {
  load(db: Db, tenantId: string, now: number): Promise<KitchenState>;
}

/**
 * The kitchen as the simulation sees it: every unfinished task of the tenant's open orders (a
 * finished dependency is simply absent, which the simulation treats as done), every station, and
 * each task's expected duration from its learned history.
 *
 * Every transition reloads this, so the loader keeps the tenant's open tasks and reads only the
 * task rows written since its previous read: each write stamps the row with its transaction id
 * (`changed_xid`, migration 20261121160000), and a read notes the xmin of its snapshot, below which
 * every transaction had ended and was visible to it. The next read takes the rows stamped at or
 * above that horizon: a transaction that wrote before a read and committed after it is read next
 * time, however the commits interleave. A task that closed comes back DONE or CANCELLED and leaves.
 * At 1,000 open tasks the whole read cost 3–9 ms, mostly decoding rows that had not changed. The
 * immutable part of a task (recipe task, dependencies, quantity, estimate) is read once, when the
 * task is first seen, and the task as the simulation gets it is rebuilt only when its row or its
 * learned average changed.
 *
 * Stations, changed tasks, open items and open orders come in one statement, so in one snapshot,
 * each table's rows as one JSON array: one round trip, and JSON.parse decodes faster than pg's
 * row parser. Each table is read on its own (no joins) to keep the plans simple on a tenant whose
 * tables just grew: joining items to their orders scanned every order of the tenant once per open
 * item (5 ms at 236 items), so items and orders are matched here. Scratch A/B against reading
 * every open task on four connections, alternated in one process at ~1,150 open tasks: 0.56 × the
 * wall time and 0.3 × the CPU.
 */
export function createKitchenStateLoader(learnedCache: LearnedDurationsCache | null = null): KitchenStateLoader {
  const tenants = new Map<string, TenantTasks>();
  /** Reads of one tenant apply in turn: an older read must never overwrite a newer one. */
  const turns = new Map<string, Promise<unknown>>();
  const readKitchen = async (db: Db, tenantId: string) => {
    const now = performance.now();
    const known = tenants.get(tenantId);
    const full = !known || now - known.fullReadAt >= FULL_READ_EVERY_MS;
    const [read] = await queryRows<KitchenRead>(db, Prisma.sql`
      SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'capacity', capacity, 'taskTypes', coalesce(task_types, '{}'), 'isActive', is_active)), '[]')
         FROM stations WHERE tenant_id = ${tenantId}::uuid) AS stations,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'stationId', station_id, 'priority', priority,
                                                    'queuedAt', ${epochMs(Prisma.sql`queued_at`)}, 'startedAt', ${epochMs(Prisma.sql`started_at`)})), '[]')
         FROM task_instances WHERE tenant_id = ${tenantId}::uuid AND ${
           full ? Prisma.sql`status = ANY(${OPEN_STATUSES}::"TaskStatus"[])` : Prisma.sql`changed_xid >= ${known.horizon}::xid8`
         }) AS tasks,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'orderId', order_id, 'name', name_snapshot, 'quantity', quantity, 'isLate', is_late,
                                                    'estimatedReadyAt', ${epochMs(Prisma.sql`estimated_ready_at`)})), '[]')
         FROM order_items WHERE tenant_id = ${tenantId}::uuid AND status IN ('PENDING', 'IN_PROGRESS')) AS items,
        (SELECT coalesce(json_agg(json_build_object('id', id, 'priority', priority, 'estimatedReadyAt', ${epochMs(Prisma.sql`estimated_ready_at`)},
                                                    'initialEstimatedReadyAt', ${epochMs(Prisma.sql`initial_estimated_ready_at`)})), '[]')
         FROM orders WHERE tenant_id = ${tenantId}::uuid AND status IN ('NEW', 'PREPARING')) AS orders`);
    const open = full ? new Map<string, OpenTask>() : known.open;
    const missing = read.tasks.filter((t) => OPEN_STATUSES.includes(t.status) && !known?.open.has(t.id)).map((t) => t.id);
    const statics = missing.length > 0 ? new Map(await readStatics(db, tenantId, missing)) : new Map<string, TaskStatic>();
    for (const task of read.tasks) {
      const fixed = known?.open.get(task.id)?.fixed ?? statics.get(task.id);
      if (OPEN_STATUSES.includes(task.status) && fixed) open.set(task.id, { ...task, fixed });
      else open.delete(task.id);
    }
    tenants.set(tenantId, { open, horizon: read.horizon, fullReadAt: full ? now : known.fullReadAt });
    return { ...read, open };
  };

  return {
    async load(db, tenantId, now) {
      const read = (turns.get(tenantId) ?? Promise.resolve()).then(() => readKitchen(db, tenantId));
      turns.set(tenantId, read.catch(() => undefined)); // a failed read leaves the cache as it was: the next one retries
      const { stations, open: openTasks, items: itemRows, orders: orderRows } = await read;

      // An open item of an order that is no longer open is not the kitchen's work: keep the items whose order is open.
      const openOrders = new Map(orderRows.map((o) => [o.id, o]));
      const items = new Map<string, OpenItem>();
      const orders = new Map<string, OpenOrder>();
      for (const item of itemRows) {
        const order = openOrders.get(item.orderId);
        if (!order) continue;
        items.set(item.id, item);
        orders.set(order.id, order);
      }
      const templateIds = new Set<string>();
      for (const { fixed } of openTasks.values()) if (fixed.templateId) templateIds.add(fixed.templateId);
      const learned = learnedCache ? await learnedCache.load(db, tenantId, [...templateIds]) : await loadLearnedDurations(db, tenantId, [...templateIds]);
      const tasks: SimTask[] = [];
      for (const open of openTasks.values()) {
        // Open tasks of a closed item or order (none, if every writer keeps its invariants) are not the kitchen's work.
        if (!items.has(open.fixed.orderItemId)) continue;
        const average = learned.lookup(open.fixed.templateId, open.fixed.taskDefId, open.stationId);
        // Most tasks did not change since the last run: the same row (a changed one is a new entry) and the same average.
        if (open.sim?.learned !== average) open.sim = { task: simTask(open, average), learned: average };
        tasks.push(open.sim.task);
      }
      return { now, stations, tasks, items, orders };
    },
  };
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
      estimateMinutes: t.estimatedMinutes / quantityFactor(t.quantity),
      quantity: t.quantity,
      learned,
    }),
    startedAt: open.startedAt,
    priority: open.priority,
    queuedAt: open.queuedAt,
    // Only an item's first tasks wait for its fire time; later ones wait for their dependencies.
    notBefore: open.status === 'PENDING' && t.dependsOn.length === 0 ? t.plannedStartAt : null,
  };
}

async function readStatics(db: Db, tenantId: string, ids: string[]): Promise<Array<[string, TaskStatic]>> {
  const rows = await db.$queryRaw<Array<TaskStatic & { id: string }>>`
    SELECT t.id::text, t.order_id::text AS "orderId", t.order_item_id::text AS "orderItemId", t.task_def_id AS "taskDefId",
           v.template_id::text AS "templateId", t.station_type AS "stationType", t.depends_on::text[] AS "dependsOn",
           t.quantity, t.estimated_minutes::float8 AS "estimatedMinutes",
           (extract(epoch from t.planned_start_at) * 1000)::float8 AS "plannedStartAt"
    FROM task_instances t
    JOIN order_items i ON i.id = t.order_item_id AND i.tenant_id = t.tenant_id
    LEFT JOIN workflow_template_versions v ON v.id = i.workflow_version_id AND v.tenant_id = t.tenant_id
    WHERE t.tenant_id = ${tenantId}::uuid AND t.id = ANY(${ids}::uuid[])`;
  // Plain literals of one shape (Prisma's raw rows are slower to read in the per-run loop).
  return rows.map((r) => [
    r.id,
    {
      orderId: r.orderId,
      orderItemId: r.orderItemId,
      taskDefId: r.taskDefId,
      templateId: r.templateId,
      stationType: r.stationType,
      dependsOn: r.dependsOn,
      quantity: r.quantity,
      estimatedMinutes: r.estimatedMinutes,
      plannedStartAt: r.plannedStartAt,
    },
  ]);
}

/** Uncached, for one-off reads (the API's ETA quote). */
export function loadKitchenState(db: Db, tenantId: string, now: number): Promise<KitchenState> {
  return createKitchenStateLoader().load(db, tenantId, now);
}
