import { z } from 'zod';
import { column, tenantRows } from '../../db/sql';
import { Prisma, TaskStatus } from '../../prisma/generated/client';
import type { TenantDb } from '../../db/tenant-scope';
import { ownTaskNode, type SiblingTask, type TaskItemSummary, type TaskNode, type TaskOrderSummary } from './task-node';

/**
 * Task cards in one statement on the pg pool: one of the busiest reads of a kitchen (every KDS
 * action answers with a card, every KDS screen reads its station's), where Prisma's relation-join
 * query cost the API several times the CPU of the SQL itself. 'own' is the task, its station and
 * its subtasks; 'full' adds its order, its item and the item's tasks. JSON parts come back as
 * plain JSON, so the row schemas below turn dates and decimals back into what the Prisma row
 * carries (TaskNode).
 */
const TASK_COLUMNS = Prisma.sql`
  t.id::text AS id, t.tenant_id::text AS "tenantId", t.order_id::text AS "orderId", t.order_item_id::text AS "orderItemId",
  t.task_def_id AS "taskDefId", t.phase_def_id AS "phaseDefId", t.name, t.station_type AS "stationType",
  t.station_id::text AS "stationId", t.assigned_to::text AS "assignedToId", t.status::text AS status,
  t.depends_on::text[] AS "dependsOn", t.quantity, t.priority, t.estimated_minutes::text AS "estimatedMinutes",
  t.added_minutes::text AS "addedMinutes",
  t.planned_start_at AS "plannedStartAt", t.queued_at AS "queuedAt", t.started_at AS "startedAt",
  t.completed_at AS "completedAt", t.completed_by::text AS "completedById", t.queue_position AS "queuePosition",
  t.created_at AS "createdAt", t.updated_at AS "updatedAt",
  CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object(
    'id', s.id, 'tenantId', s.tenant_id, 'name', s.name, 'capacity', s.capacity, 'taskTypes', s.task_types,
    'isActive', s.is_active, 'displayOrder', s.display_order, 'settings', s.settings,
    'createdAt', s.created_at, 'updatedAt', s.updated_at) END AS station,
  coalesce((
    SELECT json_agg(json_build_object(
      'id', st.id, 'tenantId', st.tenant_id, 'taskInstanceId', st.task_instance_id, 'subtaskDefId', st.subtask_def_id,
      'name', st.name, 'optional', st.optional, 'position', st.position, 'isCompleted', st.is_completed,
      'completedAt', st.completed_at, 'completedById', st.completed_by) ORDER BY st.position, st.subtask_def_id)
    FROM subtask_instances st WHERE st.task_instance_id = t.id AND st.tenant_id = t.tenant_id), '[]') AS subtasks`;

const RELATIVES = Prisma.sql`,
  json_build_object('id', o.id, 'orderNumber', o.order_number, 'status', o.status, 'priority', o.priority,
    'channel', o.channel, 'customerName', o.customer_name, 'notes', o.notes, 'promisedReadyAt', o.initial_estimated_ready_at) AS "order",
  json_build_object('id', i.id, 'nameSnapshot', i.name_snapshot, 'quantity', i.quantity, 'modifications', i.modifications,
    'modifiers', i.modifiers, 'notes', i.notes, 'menuItem', json_build_object('id', m.id, 'name', m.name, 'allergens', m.allergens)) AS item,
  (SELECT json_agg(json_build_object(
      'id', x.id, 'name', x.name, 'status', x.status, 'dependsOn', x.depends_on, 'stationType', x.station_type,
      'station', CASE WHEN xs.id IS NULL THEN NULL ELSE json_build_object('id', xs.id, 'name', xs.name) END)
      ORDER BY x.planned_start_at, x.task_def_id)
    FROM task_instances x LEFT JOIN stations xs ON xs.id = x.station_id AND xs.tenant_id = x.tenant_id
    WHERE x.order_item_id = t.order_item_id AND x.tenant_id = t.tenant_id) AS siblings
  FROM task_instances t
  LEFT JOIN stations s ON s.id = t.station_id AND s.tenant_id = t.tenant_id
  JOIN orders o ON o.id = t.order_id AND o.tenant_id = t.tenant_id
  JOIN order_items i ON i.id = t.order_item_id AND i.tenant_id = t.tenant_id
  JOIN menu_items m ON m.id = i.menu_item_id AND m.tenant_id = t.tenant_id`;

const OWN_ONLY = Prisma.sql`
  FROM task_instances t
  LEFT JOIN stations s ON s.id = t.station_id AND s.tenant_id = t.tenant_id`;

const json = z.custom<Prisma.JsonValue>((v) => v !== undefined);
const uuids = column.list(z.string());

/** What TASK_COLUMNS returns: the row as Prisma's TaskInstance with its station and subtasks. */
export const OwnCard = z.object({
  id: z.string(),
  tenantId: z.string(),
  orderId: z.string(),
  orderItemId: z.string(),
  taskDefId: z.string(),
  phaseDefId: z.string(),
  name: z.string(),
  stationType: z.string(),
  stationId: z.string().nullable(),
  assignedToId: z.string().nullable(),
  status: z.enum(TaskStatus),
  dependsOn: uuids,
  quantity: z.number().int(),
  priority: z.number().int(),
  estimatedMinutes: column.decimal,
  addedMinutes: column.decimal,
  plannedStartAt: z.date().nullable(),
  queuedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  completedById: z.string().nullable(),
  queuePosition: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  station: z
    .object({
      id: z.string(),
      tenantId: z.string(),
      name: z.string(),
      capacity: z.number().int(),
      taskTypes: column.list(z.string()),
      isActive: z.boolean(),
      displayOrder: z.number().int(),
      settings: json,
      createdAt: column.jsonDate,
      updatedAt: column.jsonDate,
    })
    .nullable(),
  subtasks: z.array(
    z.object({
      id: z.string(),
      tenantId: z.string(),
      taskInstanceId: z.string(),
      subtaskDefId: z.string(),
      name: z.string(),
      optional: z.boolean(),
      position: z.number().int(),
      isCompleted: z.boolean(),
      completedAt: column.jsonDate.nullable(),
      completedById: z.string().nullable(),
    }),
  ),
}) satisfies z.ZodType<TaskNode['task']>;

/** With RELATIVES: its order, its item and the item's tasks. */
export const FullCard = OwnCard.extend({
  order: z.object({
    id: z.string(),
    orderNumber: z.number().int(),
    status: z.string(),
    priority: z.number().int(),
    channel: z.string(),
    customerName: z.string().nullable(),
    notes: z.string().nullable(),
    promisedReadyAt: column.jsonDate.nullable(),
  }) satisfies z.ZodType<TaskOrderSummary>,
  item: z.object({
    id: z.string(),
    nameSnapshot: z.string(),
    quantity: z.number().int(),
    modifications: z.string().nullable(),
    modifiers: json,
    notes: z.string().nullable(),
    menuItem: z.object({ id: z.string(), name: z.string(), allergens: column.list(z.string()) }),
  }) satisfies z.ZodType<TaskItemSummary>,
  siblings: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        status: z.enum(TaskStatus),
        dependsOn: uuids,
        stationType: z.string(),
        station: z.object({ id: z.string(), name: z.string() }).nullable(),
      }) satisfies z.ZodType<SiblingTask>,
    )
    .nullable(),
});

/** The task in the caller's tenant, or null when there is none (another tenant's task looks missing). */
export async function readTaskCard(db: TenantDb, tenantId: string, id: string, scope: 'own' | 'full'): Promise<TaskNode | null> {
  const [node] = await readTaskCards(db, tenantId, Prisma.sql`t.id = ${id}::uuid`, scope);
  return node ?? null;
}

/** A station's screen: the tasks it is working on and those waiting for it, as full cards, in no particular order. */
export function readStationCards(db: TenantDb, tenantId: string, stationId: string): Promise<TaskNode[]> {
  return readTaskCards(db, tenantId, Prisma.sql`t.station_id = ${stationId}::uuid AND t.status IN ('QUEUED', 'IN_PROGRESS')`, 'full');
}

async function readTaskCards(db: TenantDb, tenantId: string, where: Prisma.Sql, scope: 'own' | 'full'): Promise<TaskNode[]> {
  if (scope === 'own') {
    const rows = await tenantRows(
      db,
      tenantId,
      'readTaskCards own',
      OwnCard,
      Prisma.sql`
      SELECT ${TASK_COLUMNS} ${OWN_ONLY}
      WHERE ${where} AND t.tenant_id = ${tenantId}::uuid`,
    );
    return rows.map(ownTaskNode);
  }
  const rows = await tenantRows(
    db,
    tenantId,
    'readTaskCards full',
    FullCard,
    Prisma.sql`
    SELECT ${TASK_COLUMNS} ${RELATIVES}
    WHERE ${where} AND t.tenant_id = ${tenantId}::uuid`,
  );
  return rows.map(({ order, item, siblings, ...task }) => ({ task, order, item, siblings: siblings ?? [] }));
}
