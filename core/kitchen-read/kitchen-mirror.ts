import { z } from 'zod';
import type { LearnedDuration, SimStation, SimTask } from '../../domain/eta';
import type { Db } from '../../db/client';
import { column, tenantRows } from '../../db/sql';
import { OrderItemStatus, OrderStatus, Prisma, TaskStatus } from '../../prisma/generated/client';
import { OPEN_ITEM_STATUSES, OPEN_ORDER_STATUSES, OPEN_TASK_STATUSES } from '../../domain/kitchen/open-statuses';
import type { LearnedDurations } from './learned-durations';
import { applyShifts, ShiftReadRow, shiftsSql, type StationShift } from './shift-mirror';

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

/** What never changes once a task is materialised: read once per task, then kept while it is open. */
export interface TaskStatic {
  orderId: string;
  orderItemId: string;
  taskDefId: string;
  templateId: string | null;
  stationType: string;
  dependsOn: string[];
  quantity: number;
  estimatedMinutes: number;
  /** Of estimatedMinutes, what modifiers added: not replaced by a learned time. */
  addedMinutes: number;
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

export type OpenTask = TaskDynamic & {
  fixed: TaskStatic;
  /** The task as the simulation gets it, built from this row and the learned average it was built with (found in `lookup`). */
  sim?: { task: SimTask; lookup: LearnedDurations; average: LearnedDuration | null };
};

/**
 * The open part of one tenant's kitchen (unfinished tasks, items and orders) as of `horizon`,
 * kept between ETA runs. Entries are replaced, never changed, when their row changes, so an
 * entry a run got stays what that run read.
 */
export interface KitchenMirror {
  tasks: Map<string, OpenTask>;
  items: Map<string, Readonly<OpenItem>>;
  orders: Map<string, Readonly<OpenOrder>>;
  /** The shifts at stations that shape their capacity over the forecast (shift-mirror.ts). */
  shifts: Map<string, Readonly<StationShift>>;
  /** The xmin of the snapshot of the last read: every transaction below it had ended and was seen. */
  horizon: string;
  /** performance.now() of the last whole read (the kitchen's clock may be a test's). */
  fullReadAt: number;
}

/**
 * Rows are never deleted by the kitchen (only with their tenant), and a deleted row is the one
 * change a read of changed rows cannot see: the mirror is read whole again this often.
 */
export const FULL_READ_EVERY_MS = 60_000;

const OPEN_TASK = new Set<string>(OPEN_TASK_STATUSES);
const OPEN_ITEM = new Set<string>(OPEN_ITEM_STATUSES);
const OPEN_ORDER = new Set<string>(OPEN_ORDER_STATUSES);
/** Each table's status type: a whole read filters on it as it is indexed (tenant_id, status). */
const OPEN_ROWS = {
  tasks: [OPEN_TASK_STATUSES, 'TaskStatus'],
  items: [OPEN_ITEM_STATUSES, 'OrderItemStatus'],
  orders: [OPEN_ORDER_STATUSES, 'OrderStatus'],
} as const;

/** Epoch milliseconds (see epochMs), or null. */
const epoch = z.number().nullable();

/** One read, in one statement (one snapshot): every table's changed rows (open rows on a whole read), as JSON arrays. */
export const KitchenReadRow = z.object({
  horizon: z.string(),
  stations: z.array(
    z.object({ id: z.string(), capacity: z.number().int(), taskTypes: z.array(z.string()), isActive: z.boolean() }) satisfies z.ZodType<SimStation>,
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      status: z.enum(TaskStatus),
      stationId: z.string().nullable(),
      priority: z.number().int(),
      queuedAt: epoch,
      startedAt: epoch,
      // Fixed but for one writer: re-pacing moves a waiting item's planned start (core/kitchen/item-fire-time.ts).
      plannedStartAt: epoch,
    }) satisfies z.ZodType<TaskDynamic & { plannedStartAt: number | null }>,
  ),
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(OrderItemStatus),
      orderId: z.string(),
      name: z.string(),
      quantity: z.number().int(),
      isLate: z.boolean(),
      estimatedReadyAt: epoch,
    }) satisfies z.ZodType<OpenItem>,
  ),
  orders: z.array(
    z.object({
      id: z.string(),
      status: z.enum(OrderStatus),
      priority: z.number().int(),
      estimatedReadyAt: epoch,
      initialEstimatedReadyAt: epoch,
    }) satisfies z.ZodType<OpenOrder>,
  ),
  shifts: z.array(ShiftReadRow),
});

/** A task's fixed part, as readStatics reads it. */
export const TaskStaticRow = z.object({
  id: z.string(),
  orderId: z.string(),
  orderItemId: z.string(),
  taskDefId: z.string(),
  templateId: z.string().nullable(),
  stationType: z.string(),
  dependsOn: column.list(z.string()),
  quantity: z.number().int(),
  estimatedMinutes: z.number(),
  addedMinutes: z.number(),
  plannedStartAt: epoch,
}) satisfies z.ZodType<TaskStatic & { id: string }>;

/** A timestamp as epoch milliseconds (null stays null), as the simulation counts time. */
const epochMs = (column: string) => Prisma.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/**
 * Brings the mirror up to date (reads it whole when there is none or it is due) and reads the
 * stations; the shifts at stations as of `at` (shift-mirror.ts) come along in the same statement. Every write to a task, item or order row stamps it with its transaction's id
 * (`changed_xid`, db/sql/brigade_stamp_changed_xid.sql), and each read notes the xmin of its snapshot. The
 * next read takes the rows stamped at or above it: a transaction that wrote before a read and
 * committed after it is read next time, however the commits interleave. A row that closed (a task
 * DONE, an order READY) comes back with its status and leaves the mirror.
 */
export async function refreshMirror(
  db: Db,
  tenantId: string,
  known: KitchenMirror | undefined,
  at: number = Date.now(),
): Promise<{ mirror: KitchenMirror; stations: SimStation[] }> {
  const now = performance.now();
  const delta = known && now - known.fullReadAt < FULL_READ_EVERY_MS ? known : undefined;
  const rows = (table: keyof typeof OPEN_ROWS) => {
    const [open, type] = OPEN_ROWS[table];
    return delta ? Prisma.sql`changed_xid >= ${delta.horizon}::xid8` : Prisma.sql`status = ANY(${[...open]}::${Prisma.raw(`"${type}"`)}[])`;
  };
  const [read] = await tenantRows(
    db,
    tenantId,
    'refreshMirror',
    KitchenReadRow,
    Prisma.sql`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'capacity', capacity, 'taskTypes', coalesce(task_types, '{}'), 'isActive', is_active)), '[]')
       FROM stations WHERE tenant_id = ${tenantId}::uuid) AS stations,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'stationId', station_id, 'priority', priority,
                                                  'queuedAt', ${epochMs('queued_at')}, 'startedAt', ${epochMs('started_at')},
                                                  'plannedStartAt', ${epochMs('planned_start_at')})), '[]')
       FROM task_instances WHERE tenant_id = ${tenantId}::uuid AND ${rows('tasks')}) AS tasks,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'orderId', order_id, 'name', name_snapshot, 'quantity', quantity,
                                                  'isLate', is_late, 'estimatedReadyAt', ${epochMs('estimated_ready_at')})), '[]')
       FROM order_items WHERE tenant_id = ${tenantId}::uuid AND ${rows('items')}) AS items,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'status', status, 'priority', priority, 'estimatedReadyAt', ${epochMs('estimated_ready_at')},
                                                  'initialEstimatedReadyAt', ${epochMs('initial_estimated_ready_at')})), '[]')
       FROM orders WHERE tenant_id = ${tenantId}::uuid AND ${rows('orders')}) AS orders,
      ${shiftsSql(tenantId, delta, at)} AS shifts`,
  );

  const mirror: KitchenMirror = delta ?? { tasks: new Map(), items: new Map(), orders: new Map(), shifts: new Map(), horizon: read.horizon, fullReadAt: now };
  applyShifts(mirror.shifts, read.shifts, at);
  // A task's fixed part is read once, when it is first seen, and kept across whole reads too.
  const missing = read.tasks.filter((t) => OPEN_TASK.has(t.status) && !known?.tasks.has(t.id)).map((t) => t.id);
  const statics = missing.length > 0 ? await readStatics(db, tenantId, missing) : new Map<string, TaskStatic>();
  for (const { plannedStartAt, ...task } of read.tasks) {
    const seen = known?.tasks.get(task.id)?.fixed ?? statics.get(task.id);
    const fixed = seen && seen.plannedStartAt !== plannedStartAt ? { ...seen, plannedStartAt } : seen;
    if (OPEN_TASK.has(task.status) && fixed) mirror.tasks.set(task.id, { ...task, fixed });
    else mirror.tasks.delete(task.id);
  }
  for (const { status, ...item } of read.items) {
    if (OPEN_ITEM.has(status)) mirror.items.set(item.id, item);
    else mirror.items.delete(item.id);
  }
  for (const { status, ...order } of read.orders) {
    if (OPEN_ORDER.has(status)) mirror.orders.set(order.id, order);
    else mirror.orders.delete(order.id);
  }
  mirror.horizon = read.horizon;
  return { mirror, stations: read.stations };
}

async function readStatics(db: Db, tenantId: string, ids: string[]): Promise<Map<string, TaskStatic>> {
  const rows = await tenantRows(
    db,
    tenantId,
    'readStatics',
    TaskStaticRow,
    Prisma.sql`
    SELECT t.id::text, t.order_id::text AS "orderId", t.order_item_id::text AS "orderItemId", t.task_def_id AS "taskDefId",
           v.template_id::text AS "templateId", t.station_type AS "stationType", t.depends_on::text[] AS "dependsOn",
           t.quantity, t.estimated_minutes::float8 AS "estimatedMinutes", t.added_minutes::float8 AS "addedMinutes", ${epochMs('t.planned_start_at')} AS "plannedStartAt"
    FROM task_instances t
    JOIN order_items i ON i.id = t.order_item_id AND i.tenant_id = t.tenant_id
    LEFT JOIN workflow_template_versions v ON v.id = i.workflow_version_id AND v.tenant_id = t.tenant_id
    WHERE t.tenant_id = ${tenantId}::uuid AND t.id = ANY(${ids}::uuid[])`,
  );
  return new Map(rows.map(({ id, ...fixed }) => [id, fixed]));
}
