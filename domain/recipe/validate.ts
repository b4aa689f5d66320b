import { checkDeductPhase, checkDependencies, checkOrphans } from './validate-links';
import { error, quoteAll } from './issues';
import { RECIPE_LIMITS } from './schema';
import type { RecipeIssue, WorkflowDefinition } from './types';

/** Twelve hours: anything longer is almost certainly a unit mistake (seconds typed as minutes). */
export const MAX_TASK_MINUTES = 720;

export interface ValidateOptions {
  /** Station types the kitchen actually has; omit to skip the check (e.g. designing before setup). */
  stationTypes?: readonly string[];
}

/**
 * Semantic checks on an already shape-valid definition. Never throws and never stops at the first
 * problem: the designer shows every issue at once. Every message names the offending task or phase id.
 */
export function validateDefinition(def: WorkflowDefinition, opts: ValidateOptions = {}): RecipeIssue[] {
  return [...checkStructure(def), ...checkTasks(def, opts), ...checkDependencies(def), ...checkDeductPhase(def), ...checkOrphans(def)];
}

function checkStructure(def: WorkflowDefinition): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  if (def.phases.length === 0) issues.push(error({ code: 'NO_PHASES', message: 'Recipe has no phases' }));
  const taskCount = def.phases.reduce((n, p) => n + p.tasks.length, 0);
  if (taskCount > RECIPE_LIMITS.tasks) {
    issues.push(error({ code: 'TOO_MANY_TASKS', message: `Recipe has ${taskCount} tasks, but at most ${RECIPE_LIMITS.tasks} are allowed` }));
  }

  const phaseCount = new Map<string, number>();
  const taskPhases = new Map<string, string[]>();
  for (const phase of def.phases) {
    phaseCount.set(phase.id, (phaseCount.get(phase.id) ?? 0) + 1);
    if (phase.tasks.length === 0) {
      issues.push(error({ code: 'EMPTY_PHASE', phaseId: phase.id, message: `Phase "${phase.id}" has no tasks` }));
    }
    for (const task of phase.tasks) taskPhases.set(task.id, [...(taskPhases.get(task.id) ?? []), phase.id]);
  }

  for (const [phaseId, count] of phaseCount) {
    if (count > 1) {
      issues.push(error({ code: 'DUPLICATE_ID', phaseId, message: `Phase id "${phaseId}" is used by ${count} phases` }));
    }
  }
  // Task ids are global (not per phase) because depends_on may point across phases.
  for (const [taskId, phases] of taskPhases) {
    if (phases.length > 1) {
      issues.push(
        error({
          code: 'DUPLICATE_ID',
          taskId,
          message: `Task id "${taskId}" is used by ${phases.length} tasks (in phases ${quoteAll(phases)}), but task ids must be unique across the recipe`,
        }),
      );
    }
  }

  for (const phase of def.phases) {
    for (const task of phase.tasks) {
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const sub of task.subtasks ?? []) {
        if (seen.has(sub.id) && !reported.has(sub.id)) {
          reported.add(sub.id);
          issues.push(
            error({
              code: 'DUPLICATE_SUBTASK',
              taskId: task.id,
              phaseId: phase.id,
              message: `Task "${task.id}" has more than one subtask with id "${sub.id}"`,
            }),
          );
        }
        seen.add(sub.id);
      }
    }
  }
  return issues;
}

function checkTasks(def: WorkflowDefinition, opts: ValidateOptions): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  // Station types come from admin-entered data, so "Forno" and "forno" must mean the same station.
  const known = opts.stationTypes && new Set(opts.stationTypes.map((s) => s.trim().toLowerCase()));
  for (const phase of def.phases) {
    for (const task of phase.tasks) {
      const minutes: unknown = task.estimated_minutes;
      if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_TASK_MINUTES) {
        issues.push(
          error({
            code: 'INVALID_MINUTES',
            taskId: task.id,
            phaseId: phase.id,
            message: `Task "${task.id}" has estimated_minutes ${String(minutes)}, but it must be greater than 0 and at most ${MAX_TASK_MINUTES}`,
          }),
        );
      }
      if (known && !known.has(task.station_type.trim().toLowerCase())) {
        const list = opts.stationTypes!.length > 0 ? opts.stationTypes!.join(', ') : '(none configured)';
        issues.push(
          error({
            code: 'UNKNOWN_STATION_TYPE',
            taskId: task.id,
            phaseId: phase.id,
            message: `Task "${task.id}" uses unknown station type "${task.station_type}" (known types: ${list})`,
          }),
        );
      }
    }
  }
  return issues;
}
