import { expectedDurationMs, quantityFactor, type SimStation, type SimTask } from '../domain/eta';
import type { Db } from '../db/client';
import type { Tx } from './deps';
import { loadLearnedDurations } from './learned-durations';

/** An unfinished item of an open order, with the ETAs stored last time (to tell what moved). */
export interface OpenItem {
  id: string;
  orderId: string;
  name: string;
  quantity: number;
  estimatedReadyAt: number | null;
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
  tasks: SimTask[];
  items: Map<string, OpenItem>;
  orders: Map<string, OpenOrder>;
}

interface TaskRow {
  id: string;
  orderId: string;
  orderItemId: string;
  taskDefId: string;
  templateId: string | null;
  stationType: string;
  stationId: string | null;
  status: SimTask['status'];
  dependsOn: string[];
  quantity: number;
  priority: number;
  estimatedMinutes: number;
  plannedStartAt: number | null;
  queuedAt: number | null;
  startedAt: number | null;
}

type ItemRow = OpenItem & { orderPriority: number; orderEta: number | null; orderInitialEta: number | null };

/**
 * The kitchen as the simulation sees it: every unfinished task of the tenant's open orders (a
 * finished dependency is simply absent, which the simulation treats as done), every station, and
 * each task's expected duration from its learned history. Four queries whatever the size.
 */
export async function loadKitchenState(prisma: Db | Tx, tenantId: string, now: number): Promise<KitchenState> {
  const [stations, taskRows, itemRows] = await Promise.all([
    prisma.station.findMany({ where: { tenantId }, select: { id: true, capacity: true, taskTypes: true, isActive: true } }),
    prisma.$queryRaw<TaskRow[]>`
      SELECT t.id::text, t.order_id::text AS "orderId", t.order_item_id::text AS "orderItemId", t.task_def_id AS "taskDefId",
             v.template_id::text AS "templateId", t.station_type AS "stationType", t.station_id::text AS "stationId",
             t.status::text AS status, t.depends_on::text[] AS "dependsOn", t.quantity, t.priority,
             t.estimated_minutes::float8 AS "estimatedMinutes",
             (extract(epoch from t.planned_start_at) * 1000)::float8 AS "plannedStartAt",
             (extract(epoch from t.queued_at) * 1000)::float8 AS "queuedAt",
             (extract(epoch from t.started_at) * 1000)::float8 AS "startedAt"
      FROM task_instances t
      JOIN orders o ON o.id = t.order_id AND o.tenant_id = t.tenant_id
      JOIN order_items i ON i.id = t.order_item_id AND i.tenant_id = t.tenant_id
      LEFT JOIN workflow_template_versions v ON v.id = i.workflow_version_id AND v.tenant_id = t.tenant_id
      WHERE t.tenant_id = ${tenantId}::uuid AND o.status IN ('NEW', 'PREPARING')
        AND i.status IN ('PENDING', 'IN_PROGRESS') AND t.status NOT IN ('DONE', 'CANCELLED')`,
    prisma.$queryRaw<ItemRow[]>`
      SELECT i.id::text, i.order_id::text AS "orderId", i.name_snapshot AS name, i.quantity,
             (extract(epoch from i.estimated_ready_at) * 1000)::float8 AS "estimatedReadyAt",
             o.priority AS "orderPriority",
             (extract(epoch from o.estimated_ready_at) * 1000)::float8 AS "orderEta",
             (extract(epoch from o.initial_estimated_ready_at) * 1000)::float8 AS "orderInitialEta"
      FROM order_items i JOIN orders o ON o.id = i.order_id AND o.tenant_id = i.tenant_id
      WHERE i.tenant_id = ${tenantId}::uuid AND o.status IN ('NEW', 'PREPARING') AND i.status IN ('PENDING', 'IN_PROGRESS')`,
  ]);
  const learned = await loadLearnedDurations(prisma, tenantId, taskRows.flatMap((t) => (t.templateId ? [t.templateId] : [])));

  const tasks = taskRows.map((t): SimTask => ({
    id: t.id,
    orderId: t.orderId,
    orderItemId: t.orderItemId,
    stationType: t.stationType,
    stationId: t.stationId,
    status: t.status,
    dependsOn: t.dependsOn,
    durationMs: expectedDurationMs({
      // The stored minutes are already scaled; back to one unit so learned time scales the same way.
      estimateMinutes: t.estimatedMinutes / quantityFactor(t.quantity),
      quantity: t.quantity,
      learned: learned.lookup(t.templateId, t.taskDefId, t.stationId),
    }),
    startedAt: t.startedAt,
    priority: t.priority,
    queuedAt: t.queuedAt,
    // Only an item's first tasks wait for its fire time; later ones wait for their dependencies.
    notBefore: t.status === 'PENDING' && t.dependsOn.length === 0 ? t.plannedStartAt : null,
  }));

  const items = new Map<string, OpenItem>();
  const orders = new Map<string, OpenOrder>();
  for (const r of itemRows) {
    items.set(r.id, { id: r.id, orderId: r.orderId, name: r.name, quantity: r.quantity, estimatedReadyAt: r.estimatedReadyAt });
    orders.set(r.orderId, { id: r.orderId, priority: r.orderPriority, estimatedReadyAt: r.orderEta, initialEstimatedReadyAt: r.orderInitialEta });
  }
  return { now, stations, tasks, items, orders };
}
