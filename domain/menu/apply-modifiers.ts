import type { PhaseDef, TaskDef, WorkflowDefinition } from '../recipe';
import type { ModifierEffect } from './modifier-effects';

export type ApplyModifiersResult = { ok: true; definition: WorkflowDefinition } | { ok: false; reason: 'NO_TASKS'; message: string };

/**
 * The recipe as the chosen options change it. A skipped task's dependents inherit its own
 * dependencies (transitively through skipped chains), so no ordering the recipe promised is
 * lost; a phase left empty goes, and so does a deduct phase that went with it (the first phase
 * deducts then). Effects naming a task or checklist item the recipe no longer has change nothing:
 * the recipe may have been republished since the option was set up. Never mutates its input.
 */
export function applyModifiers(definition: WorkflowDefinition, effects: readonly ModifierEffect[]): ApplyModifiersResult {
  const skipped = new Set<string>();
  const skippedSubtasks = new Map<string, Set<string>>();
  const addedMinutes = addedMinutesByTask(effects);
  for (const e of effects) {
    if (e.kind === 'SKIP_TASK') skipped.add(e.taskId);
    else if (e.kind === 'SKIP_SUBTASK') skippedSubtasks.set(e.taskId, (skippedSubtasks.get(e.taskId) ?? new Set()).add(e.subtaskId));
  }
  const all = new Map(definition.phases.flatMap((p) => p.tasks.map((t) => [t.id, t] as const)));
  const remaining = [...all.keys()].filter((id) => !skipped.has(id));
  if (remaining.length === 0) {
    return { ok: false, reason: 'NO_TASKS', message: 'the chosen options skip every task of the recipe, so there would be nothing to cook' };
  }

  // A dependency on a skipped task becomes a dependency on what that task waited for.
  const resolved = new Map<string, string[]>();
  const inherit = (id: string): string[] => {
    const known = resolved.get(id);
    if (known) return known;
    const deps = (all.get(id)?.depends_on ?? []).flatMap((dep) => (skipped.has(dep) ? inherit(dep) : [dep]));
    const unique = [...new Set(deps)];
    resolved.set(id, unique);
    return unique;
  };

  const phases: PhaseDef[] = definition.phases
    .map((phase) => ({
      ...phase,
      tasks: phase.tasks.filter((t) => !skipped.has(t.id)).map((t): TaskDef => changeTask(t, inherit(t.id), skippedSubtasks.get(t.id), addedMinutes.get(t.id))),
    }))
    .filter((phase) => phase.tasks.length > 0);
  const result: WorkflowDefinition = { ...definition, phases };
  if (definition.deduct_inventory_phase !== undefined && !phases.some((p) => p.id === definition.deduct_inventory_phase)) {
    delete result.deduct_inventory_phase;
  }
  return { ok: true, definition: result };
}

/**
 * Minutes the options add per recipe task (ADD_MINUTES, summed). Kept apart from the estimate they
 * raise too: a learned time replaces the estimate, and these minutes must still add on top of it.
 */
export function addedMinutesByTask(effects: readonly ModifierEffect[]): Map<string, number> {
  const added = new Map<string, number>();
  for (const e of effects) if (e.kind === 'ADD_MINUTES') added.set(e.taskId, (added.get(e.taskId) ?? 0) + e.minutes);
  return added;
}

function changeTask(task: TaskDef, dependsOn: string[], skippedSubtasks: Set<string> | undefined, added: number | undefined): TaskDef {
  return {
    ...task,
    depends_on: dependsOn,
    subtasks: skippedSubtasks ? task.subtasks.filter((s) => !skippedSubtasks.has(s.id)) : task.subtasks,
    // Tenths, as task rows store them.
    estimated_minutes: added ? Math.round((task.estimated_minutes + added) * 10) / 10 : task.estimated_minutes,
  };
}
