import { findCycles } from './cycles';
import type { RecipeIssue, WorkflowDefinition } from './types';
import { error, quoteAll } from './issues';

// Checks about how tasks and phases refer to each other (split from validate.ts to keep files small).

export function checkDependencies(def: WorkflowDefinition): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  const taskIds = new Set(def.phases.flatMap((p) => p.tasks.map((t) => t.id)));
  for (const phase of def.phases) {
    for (const task of phase.tasks) {
      for (const dep of new Set(task.depends_on ?? [])) {
        const base = { taskId: task.id, phaseId: phase.id, edge: { from: dep, to: task.id } };
        if (dep === task.id) {
          issues.push(error({ code: 'SELF_DEPENDENCY', ...base, message: `Task "${task.id}" depends on itself` }));
        } else if (!taskIds.has(dep)) {
          issues.push(error({ code: 'UNKNOWN_DEPENDENCY', ...base, message: `Task "${task.id}" depends on unknown task "${dep}"` }));
        }
      }
    }
  }
  // Self-dependencies are already reported above; only multi-task loops are CYCLE issues.
  for (const cycle of findCycles(def)) {
    issues.push(error({ code: 'CYCLE', taskId: cycle[0], path: cycle, message: `Cycle: ${cycle.join(' → ')}` }));
  }
  return issues;
}

export function checkDeductPhase(def: WorkflowDefinition): RecipeIssue[] {
  const phaseId = def.deduct_inventory_phase;
  if (phaseId === undefined || def.phases.some((p) => p.id === phaseId)) return [];
  const known = def.phases.length > 0 ? quoteAll(def.phases.map((p) => p.id)) : '(none)';
  return [
    error({
      code: 'UNKNOWN_DEDUCT_PHASE',
      phaseId,
      message: `deduct_inventory_phase "${phaseId}" is not a phase of this recipe (phases: ${known})`,
    }),
  ];
}

/** A disconnected task usually means a forgotten depends_on; it still runs, so this only warns. */
export function checkOrphans(def: WorkflowDefinition): RecipeIssue[] {
  const entries = def.phases.flatMap((phase) => phase.tasks.map((task) => ({ task, phase })));
  if (entries.length <= 1) return [];
  const referenced = new Set<string>();
  for (const { task } of entries) for (const dep of task.depends_on ?? []) if (dep !== task.id) referenced.add(dep);

  const issues: RecipeIssue[] = [];
  const seen = new Set<string>();
  for (const { task, phase } of entries) {
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    const hasDeps = (task.depends_on ?? []).some((dep) => dep !== task.id);
    if (!hasDeps && !referenced.has(task.id)) {
      issues.push({
        code: 'ORPHAN_TASK',
        severity: 'warning',
        taskId: task.id,
        phaseId: phase.id,
        message: `Task "${task.id}" has no dependencies and nothing depends on it`,
      });
    }
  }
  return issues;
}
