import type { PhaseDef, TaskDef } from '../../domain/recipe';

/**
 * Shorthand for writing seed recipes: the stored JSON is verbose (snake_case, subtask objects),
 * and hand-writing ids for every subtask invites duplicates. Output is the plain
 * WorkflowDefinition JSON that compileRecipe validates.
 */
type Step = string | { name: string; optional: true };

export function optional(name: string): Step {
  return { name, optional: true };
}

export function task(id: string, name: string, stationType: string, minutes: number, opts: { after?: string[]; steps?: Step[] } = {}): TaskDef {
  return {
    id,
    name,
    station_type: stationType,
    estimated_minutes: minutes,
    depends_on: opts.after ?? [],
    subtasks: (opts.steps ?? []).map((step, i) => ({
      id: `${id}_${i + 1}`,
      name: typeof step === 'string' ? step : step.name,
      optional: typeof step !== 'string',
    })),
  };
}

export function phase(id: string, name: string, order: number, tasks: TaskDef[]): PhaseDef {
  return { id, name, order, tasks };
}
