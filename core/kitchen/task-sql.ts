import { z } from 'zod';
import type { Db } from '../../db/client';
import { tenantRows } from '../../db/sql';
import { Prisma, TaskStatus } from '../../prisma/generated/client';
import type { TaskRow } from './task-events';

/**
 * The KDS transitions as single conditional statements: each queue, start, tick and bump is one
 * round trip instead of read → check → write → read back (a busy kitchen does several per item,
 * and the round trips were most of what they cost), sent straight through pg (db/sql.ts). A
 * statement that changes nothing says "not in the expected state"; the caller then reads the
 * row once to tell a retry from a refusal.
 */

/** A task as the activities need it back (TaskRow plus what the transitions look at). */
export interface TaskState extends TaskRow {
  name: string;
  stationType: string;
  startedAt: Date | null;
  completedAt: Date | null;
}

/** What TASK_COLUMNS returns. */
export const TaskStateRow = z.object({
  id: z.string(),
  tenantId: z.string(),
  orderId: z.string(),
  orderItemId: z.string(),
  stationId: z.string().nullable(),
  status: z.enum(TaskStatus),
  name: z.string(),
  stationType: z.string(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  completedById: z.string().nullable(),
  version: z.string(),
}) satisfies z.ZodType<TaskState>;
const CompletedRow = TaskStateRow.extend({ recordedTemplateId: z.string().nullable() });
const StationLoadRow = z.object({ name: z.string(), capacity: z.number().int(), inProgress: z.number().int() });
const OpenRow = z.object({ open: z.number().int() });

const TASK_COLUMNS = Prisma.sql`
  t.id::text AS "id", t.tenant_id::text AS "tenantId", t.order_id::text AS "orderId",
  t.order_item_id::text AS "orderItemId", t.station_id::text AS "stationId", t.status::text AS "status",
  t.name, t.station_type AS "stationType", t.started_at AS "startedAt", t.completed_at AS "completedAt",
  t.completed_by::text AS "completedById", t.changed_xid::text AS "version"`;

/**
 * PENDING/BLOCKED → QUEUED at the least-loaded active station of the task's type, or → BLOCKED
 * when no station takes it; releases of one type are serialised (SQL function db/sql/kds_queue_task.sql).
 * Null when the task was not PENDING/BLOCKED.
 */
export async function queueTask(db: Db, tenantId: string, taskId: string, queuedAt: Date): Promise<TaskState | null> {
  const [row] = await tenantRows(
    db,
    tenantId,
    'queueTask',
    TaskStateRow,
    Prisma.sql`
    SELECT ${TASK_COLUMNS} FROM kds_queue_task(${tenantId}::uuid, ${taskId}::uuid, ${queuedAt}) t`,
  );
  return row ?? null;
}

/**
 * QUEUED → IN_PROGRESS if the task's station has a free slot; concurrent starts at one station
 * are serialised on its row (SQL function kds_start_task). Null when not started.
 */
export async function startIfFree(db: Db, at: { tenantId: string; taskId: string; userId: string | null; startedAt: Date }): Promise<TaskState | null> {
  const [row] = await tenantRows(
    db,
    at.tenantId,
    'startIfFree',
    TaskStateRow,
    Prisma.sql`
    SELECT ${TASK_COLUMNS} FROM kds_start_task(${at.tenantId}::uuid, ${at.taskId}::uuid, ${at.userId}::uuid, ${at.startedAt}) t`,
  );
  return row ?? null;
}

/** Name, capacity and tasks in progress of a station (why a start was refused). */
export async function stationLoadOf(db: Db, tenantId: string, stationId: string): Promise<{ name: string; capacity: number; inProgress: number } | null> {
  const [row] = await tenantRows(
    db,
    tenantId,
    'stationLoadOf',
    StationLoadRow,
    Prisma.sql`
    SELECT s.name, s.capacity,
      (SELECT count(*)::int FROM task_instances b WHERE b.tenant_id = s.tenant_id AND b.station_id = s.id AND b.status = 'IN_PROGRESS') AS "inProgress"
    FROM stations s WHERE s.id = ${stationId}::uuid AND s.tenant_id = ${tenantId}::uuid`,
  );
  return row ?? null;
}

/**
 * IN_PROGRESS → DONE when no required subtask is open, recording how long it took (one
 * task_durations row per task, so learned durations count it once) in the same statement;
 * `recordedTemplateId` is the recipe the duration was recorded for (null when none was).
 */
export async function completeIfReady(
  db: Db,
  at: { tenantId: string; taskId: string; userId: string | null; completedAt: Date },
): Promise<(TaskState & { recordedTemplateId: string | null }) | null> {
  const [row] = await tenantRows(
    db,
    at.tenantId,
    'completeIfReady',
    CompletedRow,
    Prisma.sql`
    WITH t AS (
      UPDATE task_instances t SET status = 'DONE', completed_at = ${at.completedAt}, completed_by = ${at.userId}::uuid, updated_at = now()
      WHERE t.id = ${at.taskId}::uuid AND t.tenant_id = ${at.tenantId}::uuid AND t.status = 'IN_PROGRESS'
        AND NOT EXISTS (SELECT 1 FROM subtask_instances s
                        WHERE s.task_instance_id = t.id AND s.tenant_id = t.tenant_id AND NOT s.optional AND NOT s.is_completed)
      RETURNING t.*
    ), recorded AS (
      INSERT INTO task_durations (id, tenant_id, workflow_template_id, task_def_id, station_id, task_instance_id, quantity, duration_seconds, recorded_at)
      SELECT gen_random_uuid(), t.tenant_id, v.template_id, t.task_def_id, t.station_id, t.id, t.quantity,
             GREATEST(0, round(extract(epoch FROM t.completed_at - t.started_at)))::int, t.completed_at
      FROM t
      JOIN order_items i ON i.id = t.order_item_id AND i.tenant_id = t.tenant_id
      LEFT JOIN workflow_template_versions v ON v.id = i.workflow_version_id
      WHERE t.started_at IS NOT NULL
      ON CONFLICT (task_instance_id) DO NOTHING
      RETURNING workflow_template_id
    )
    SELECT ${TASK_COLUMNS}, (SELECT workflow_template_id::text FROM recorded) AS "recordedTemplateId" FROM t`,
  );
  return row ?? null;
}

/** Ticks an open subtask of a task that is not finished; null when nothing was ticked. */
export async function tickSubtask(
  db: Db,
  at: { tenantId: string; taskId: string; subtaskId: string; userId: string | null; completedAt: Date },
): Promise<TaskState | null> {
  const [row] = await tenantRows(
    db,
    at.tenantId,
    'tickSubtask',
    TaskStateRow,
    Prisma.sql`
    WITH ticked AS (
      UPDATE subtask_instances s SET is_completed = true, completed_at = ${at.completedAt}, completed_by = ${at.userId}::uuid
      FROM task_instances t
      WHERE s.id = ${at.subtaskId}::uuid AND s.tenant_id = ${at.tenantId}::uuid AND NOT s.is_completed
        AND t.id = s.task_instance_id AND t.id = ${at.taskId}::uuid AND t.tenant_id = ${at.tenantId}::uuid
        AND t.status NOT IN ('DONE', 'CANCELLED')
      RETURNING s.task_instance_id
    )
    SELECT ${TASK_COLUMNS} FROM task_instances t JOIN ticked ON ticked.task_instance_id = t.id`,
  );
  return row ?? null;
}

/** Required subtasks of a task still open (why a completion was refused). */
export async function openRequiredSubtasks(db: Db, tenantId: string, taskId: string): Promise<number> {
  const [row] = await tenantRows(
    db,
    tenantId,
    'openRequiredSubtasks',
    OpenRow,
    Prisma.sql`
    SELECT count(*)::int AS "open" FROM subtask_instances
    WHERE task_instance_id = ${taskId}::uuid AND tenant_id = ${tenantId}::uuid AND NOT optional AND NOT is_completed`,
  );
  return row?.open ?? 0;
}

/** The task as it is now (the slow path after a statement above changed nothing). */
export async function readTask(db: Db, tenantId: string, taskId: string): Promise<TaskState | null> {
  const [row] = await tenantRows(
    db,
    tenantId,
    'readTask',
    TaskStateRow,
    Prisma.sql`
    SELECT ${TASK_COLUMNS} FROM task_instances t WHERE t.id = ${taskId}::uuid AND t.tenant_id = ${tenantId}::uuid`,
  );
  return row ?? null;
}

/**
 * IN_PROGRESS → QUEUED when it started at or after `startedSince` (the Undo window): started_at
 * and the cook are cleared and queued_at is kept, so the ticket goes back to its place in the
 * queue and no duration can ever be measured from the mistaken start. Null when nothing changed.
 */
export async function unstartIfRecent(db: Db, at: { tenantId: string; taskId: string; startedSince: Date }): Promise<TaskState | null> {
  const [row] = await tenantRows(
    db,
    at.tenantId,
    'unstartIfRecent',
    TaskStateRow,
    Prisma.sql`
    UPDATE task_instances t SET status = 'QUEUED', started_at = NULL, assigned_to = NULL, updated_at = now()
    WHERE t.id = ${at.taskId}::uuid AND t.tenant_id = ${at.tenantId}::uuid AND t.status = 'IN_PROGRESS'
      AND t.started_at >= ${at.startedSince}
    RETURNING ${TASK_COLUMNS}`,
  );
  return row ?? null;
}
