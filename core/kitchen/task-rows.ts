import { z } from 'zod';
import type { Db } from '../../db/client';
import { tenantRows } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import type { PlannedTask } from '../../contracts/kitchen-activities';
import type { PinnedRecipe } from './recipe-plan';
import { stableUuid } from './stable-id';

/** Stored as DECIMAL(6,1). */
const tenths = (minutes: number) => Math.round(minutes * 10) / 10;

export interface TaskRows {
  tasks: Array<{
    id: string;
    defId: string;
    phaseId: string;
    name: string;
    stationType: string;
    dependsOn: string[];
    estimatedMinutes: number;
    /** Of estimatedMinutes, what the modifiers added. */
    addedMinutes: number;
    plannedStartAt: Date;
  }>;
  /** `position`: the subtask's place in its task's checklist, as the recipe lists it. */
  subtasks: Array<{ id: string; taskId: string; defId: string; name: string; optional: boolean; position: number }>;
}

/**
 * An item's task and subtask rows from its pinned recipe, in the recipe's topological order
 * (subtasks in the order the recipe lists them: the KDS checklist order). Ids derive from
 * (item, recipe task), so whoever inserts them first, their rows are the same.
 */
export function taskRows(recipe: PinnedRecipe, at: { orderItemId: string; base: number }): TaskRows {
  const idOf = (defId: string) => stableUuid(at.orderItemId, defId);
  const tasks = recipe.analysis.order.map((defId) => {
    const { task, phase } = recipe.tasks.get(defId)!;
    return {
      id: idOf(defId),
      defId,
      phaseId: phase.id,
      name: task.name,
      stationType: task.station_type,
      dependsOn: task.depends_on.map(idOf),
      estimatedMinutes: tenths(recipe.scaledMinutes[defId]),
      addedMinutes: tenths(recipe.addedMinutes[defId] ?? 0),
      plannedStartAt: new Date(at.base + recipe.analysis.earliestStart[defId] * 60_000),
    };
  });
  const subtasks = recipe.analysis.order.flatMap((defId) =>
    recipe.tasks.get(defId)!.task.subtasks.map((sub, position) => ({
      id: stableUuid(idOf(defId), sub.id),
      taskId: idOf(defId),
      defId: sub.id,
      name: sub.name,
      optional: sub.optional,
      position,
    })),
  );
  return { tasks, subtasks };
}

const InsertedRow = z.object({ tasks: z.number().int(), subtasks: z.number().int() });

/**
 * Inserts the rows in ONE statement (all of them or, on error, none: all of an item's tasks
 * means all of it), skipping rows that exist. Returns how many of each it inserted: all of them
 * means the stored rows are exactly these, fresh.
 */
export async function insertTaskRows(
  db: Db,
  rows: TaskRows,
  at: { tenantId: string; orderId: string; orderItemId: string; quantity: number; priority: number },
): Promise<{ tasks: number; subtasks: number }> {
  const { tasks, subtasks } = rows;
  const [inserted] = await tenantRows(
    db,
    at.tenantId,
    'insertTaskRows',
    InsertedRow,
    Prisma.sql`
    WITH t AS (
      INSERT INTO task_instances (id, tenant_id, order_id, order_item_id, task_def_id, phase_def_id, name, station_type, status,
                                  depends_on, quantity, priority, estimated_minutes, added_minutes, planned_start_at, created_at, updated_at)
      SELECT r.id, ${at.tenantId}::uuid, ${at.orderId}::uuid, ${at.orderItemId}::uuid, r.def_id, r.phase_id, r.name, r.station_type, 'PENDING',
             string_to_array(r.depends_on, ',')::uuid[], ${at.quantity}::int, ${at.priority}::int, r.minutes, r.added, r.planned_start_at, now(), now()
      FROM unnest(${tasks.map((t) => t.id)}::uuid[], ${tasks.map((t) => t.defId)}::text[], ${tasks.map((t) => t.phaseId)}::text[],
                  ${tasks.map((t) => t.name)}::text[], ${tasks.map((t) => t.stationType)}::text[], ${tasks.map((t) => t.dependsOn.join(','))}::text[],
                  ${tasks.map((t) => t.estimatedMinutes)}::numeric[], ${tasks.map((t) => t.addedMinutes)}::numeric[], ${tasks.map((t) => t.plannedStartAt)}::timestamptz[])
        AS r(id, def_id, phase_id, name, station_type, depends_on, minutes, added, planned_start_at)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), s AS (
      INSERT INTO subtask_instances (id, tenant_id, task_instance_id, subtask_def_id, name, optional, position, is_completed)
      SELECT r.id, ${at.tenantId}::uuid, r.task_id, r.def_id, r.name, r.optional, r.position, false
      FROM unnest(${subtasks.map((s) => s.id)}::uuid[], ${subtasks.map((s) => s.taskId)}::uuid[], ${subtasks.map((s) => s.defId)}::text[],
                  ${subtasks.map((s) => s.name)}::text[], ${subtasks.map((s) => s.optional)}::boolean[], ${subtasks.map((s) => s.position)}::int[])
        AS r(id, task_id, def_id, name, optional, position)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM t)::int AS tasks, (SELECT count(*) FROM s)::int AS subtasks`,
  );
  return inserted;
}

/** The rows as a plan sees them right after they were inserted: nothing queued, started or ticked yet. */
export function freshPlannedTasks(rows: TaskRows): PlannedTask[] {
  return rows.tasks.map((t) => ({
    id: t.id,
    defId: t.defId,
    phaseId: t.phaseId,
    name: t.name,
    stationType: t.stationType,
    dependsOn: t.dependsOn,
    estimatedMinutes: t.estimatedMinutes,
    status: 'PENDING',
    stationId: null,
    subtasks: rows.subtasks.filter((s) => s.taskId === t.id).map((s) => ({ id: s.id, defId: s.defId, name: s.name, optional: s.optional, completed: false })),
  }));
}
