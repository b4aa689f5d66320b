import { Prisma } from '../prisma/generated/client';
import type { Tx } from './deps';
import type { TaskRow } from './task-events';

/**
 * The KDS transitions as single conditional statements. Each start and bump is a round trip
 * or two instead of read → check → write → read back: a busy kitchen does several per item, and
 * the round trips were most of what they cost. A statement that changes nothing says "not in
 * the expected state"; the caller then reads the row once to tell a retry from a refusal.
 */

/** A task as the activities need it back (TaskRow plus what the transitions look at). */
export interface TaskState extends TaskRow {
  name: string;
  stationType: string;
  startedAt: Date | null;
  completedAt: Date | null;
}

type Db = Pick<Tx, '$queryRaw'>;

const TASK_COLUMNS = Prisma.sql`
  t.id::text AS "id", t.tenant_id::text AS "tenantId", t.order_id::text AS "orderId",
  t.order_item_id::text AS "orderItemId", t.station_id::text AS "stationId", t.status::text AS "status",
  t.name, t.station_type AS "stationType", t.started_at AS "startedAt", t.completed_at AS "completedAt",
  t.completed_by::text AS "completedById"`;

/**
 * Takes the tenant's lock for the task's station type (releases of one type are serialised, so
 * "least loaded" sees the previous choice) and reads the task. Inside a transaction.
 */
export async function lockStationTypeOf(tx: Db, tenantId: string, taskId: string): Promise<TaskState | null> {
  const [row] = await tx.$queryRaw<TaskState[]>`
    SELECT ${TASK_COLUMNS}, pg_advisory_xact_lock(hashtext(${tenantId}), hashtext(lower(t.station_type)))::text AS "locked"
    FROM task_instances t WHERE t.id = ${taskId}::uuid AND t.tenant_id = ${tenantId}::uuid`;
  return row ? withoutLock(row) : null;
}

function withoutLock(row: TaskState & { locked?: unknown }): TaskState {
  const { locked: _locked, ...task } = row;
  return task;
}

/**
 * PENDING/BLOCKED → QUEUED at the least-loaded active station of the task's type (load is
 * (queued + in progress) / capacity, ties by name), or → BLOCKED when no station takes it.
 * Run after lockStationTypeOf in the same transaction: this statement's snapshot then includes
 * every earlier choice. Null when the task was not PENDING/BLOCKED any more.
 */
export async function queueAtLeastLoaded(tx: Db, tenantId: string, taskId: string, queuedAt: Date): Promise<TaskState | null> {
  const [row] = await tx.$queryRaw<TaskState[]>`
    WITH pick AS (
      SELECT s.id
      FROM task_instances me
      JOIN stations s ON s.tenant_id = me.tenant_id AND s.is_active
        AND EXISTS (SELECT 1 FROM unnest(s.task_types) AS tt WHERE lower(tt) = lower(me.station_type))
      LEFT JOIN task_instances q
        ON q.station_id = s.id AND q.tenant_id = s.tenant_id AND q.status IN ('QUEUED', 'IN_PROGRESS')
      WHERE me.id = ${taskId}::uuid AND me.tenant_id = ${tenantId}::uuid
      GROUP BY s.id
      ORDER BY count(q.id)::float8 / GREATEST(s.capacity, 1), s.name
      LIMIT 1
    )
    UPDATE task_instances t SET
      status = (CASE WHEN (SELECT id FROM pick) IS NULL THEN 'BLOCKED' ELSE 'QUEUED' END)::"TaskStatus",
      station_id = (SELECT id FROM pick),
      queued_at = CASE WHEN (SELECT id FROM pick) IS NULL THEN t.queued_at ELSE ${queuedAt} END,
      updated_at = now()
    WHERE t.id = ${taskId}::uuid AND t.tenant_id = ${tenantId}::uuid AND t.status IN ('PENDING', 'BLOCKED')
    RETURNING ${TASK_COLUMNS}`;
  return row ?? null;
}

/**
 * Locks the station of a QUEUED task (concurrent starts at one station queue here, so the
 * count in startWithinCapacity stays true) and returns its capacity. Null when the task is not
 * QUEUED at an existing station. Inside a transaction.
 */
export async function lockStationOfQueued(tx: Db, tenantId: string, taskId: string): Promise<{ stationId: string; name: string; capacity: number } | null> {
  const [row] = await tx.$queryRaw<Array<{ stationId: string; name: string; capacity: number }>>`
    SELECT s.id::text AS "stationId", s.name, s.capacity
    FROM task_instances t JOIN stations s ON s.id = t.station_id AND s.tenant_id = t.tenant_id
    WHERE t.id = ${taskId}::uuid AND t.tenant_id = ${tenantId}::uuid AND t.status = 'QUEUED'
    FOR UPDATE OF s`;
  return row ?? null;
}

/** QUEUED → IN_PROGRESS if the station has a free slot. After lockStationOfQueued, in its transaction. */
export async function startWithinCapacity(
  tx: Db,
  at: { tenantId: string; taskId: string; stationId: string; capacity: number; userId: string | null; startedAt: Date },
): Promise<TaskState | null> {
  const [row] = await tx.$queryRaw<TaskState[]>`
    UPDATE task_instances t SET status = 'IN_PROGRESS', started_at = ${at.startedAt}, assigned_to = ${at.userId}::uuid, updated_at = now()
    WHERE t.id = ${at.taskId}::uuid AND t.tenant_id = ${at.tenantId}::uuid AND t.status = 'QUEUED' AND t.station_id = ${at.stationId}::uuid
      AND (SELECT count(*) FROM task_instances b
           WHERE b.tenant_id = ${at.tenantId}::uuid AND b.station_id = ${at.stationId}::uuid AND b.status = 'IN_PROGRESS') < ${at.capacity}
    RETURNING ${TASK_COLUMNS}`;
  return row ?? null;
}

/**
 * IN_PROGRESS → DONE when no required subtask is open, recording how long it took (one
 * task_durations row per task, so learned durations count it once) in the same statement.
 */
export async function completeIfReady(db: Db, at: { tenantId: string; taskId: string; userId: string | null; completedAt: Date }): Promise<TaskState | null> {
  const [row] = await db.$queryRaw<TaskState[]>`
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
    )
    SELECT ${TASK_COLUMNS} FROM t`;
  return row ?? null;
}

/** Ticks an open subtask of a task that is not finished; null when nothing was ticked. */
export async function tickSubtask(db: Db, at: { tenantId: string; taskId: string; subtaskId: string; userId: string | null; completedAt: Date }): Promise<TaskState | null> {
  const [row] = await db.$queryRaw<TaskState[]>`
    WITH ticked AS (
      UPDATE subtask_instances s SET is_completed = true, completed_at = ${at.completedAt}, completed_by = ${at.userId}::uuid
      FROM task_instances t
      WHERE s.id = ${at.subtaskId}::uuid AND s.tenant_id = ${at.tenantId}::uuid AND NOT s.is_completed
        AND t.id = s.task_instance_id AND t.id = ${at.taskId}::uuid AND t.tenant_id = ${at.tenantId}::uuid
        AND t.status NOT IN ('DONE', 'CANCELLED')
      RETURNING s.task_instance_id
    )
    SELECT ${TASK_COLUMNS} FROM task_instances t JOIN ticked ON ticked.task_instance_id = t.id`;
  return row ?? null;
}

/** Required subtasks of a task still open (why a completion was refused). */
export async function openRequiredSubtasks(db: Db, tenantId: string, taskId: string): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ open: number }>>`
    SELECT count(*)::int AS "open" FROM subtask_instances
    WHERE task_instance_id = ${taskId}::uuid AND tenant_id = ${tenantId}::uuid AND NOT optional AND NOT is_completed`;
  return row?.open ?? 0;
}

/** The task as it is now (the slow path after a statement above changed nothing). */
export async function readTask(db: Db, tenantId: string, taskId: string): Promise<TaskState | null> {
  const [row] = await db.$queryRaw<TaskState[]>`
    SELECT ${TASK_COLUMNS} FROM task_instances t WHERE t.id = ${taskId}::uuid AND t.tenant_id = ${tenantId}::uuid`;
  return row ?? null;
}
