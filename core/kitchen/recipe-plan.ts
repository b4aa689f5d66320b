import { expectedDurationMs } from '../../domain/eta';
import { analyzeRecipe, compileRecipe, taskIndex, type RecipeAnalysis, type TaskEntry, type WorkflowDefinition } from '../../domain/recipe';
import { fail } from './deps';
import type { LearnedDurations } from '../kitchen-read/learned-durations';

export interface PinnedRecipe {
  templateId: string;
  definition: WorkflowDefinition;
  tasks: Map<string, TaskEntry>;
  /** Scheduled with this item's quantity and the learned durations (template-wide). */
  analysis: RecipeAnalysis;
  /** Recipe estimate scaled by quantity (what task_instances.estimated_minutes stores). */
  scaledMinutes: Record<string, number>;
}

/**
 * The item's pinned, published recipe version. Published versions were validated on publish,
 * so a failure here is corrupt data: retrying cannot help.
 */
export function pinnedRecipe(
  item: { id: string; quantity: number; workflowVersion: { templateId: string; definition: unknown } | null },
  learned: LearnedDurations,
): PinnedRecipe | null {
  if (!item.workflowVersion) return null; // e.g. a drink: nothing to cook
  const compiled = compileRecipe(item.workflowVersion.definition);
  if (!compiled.ok) {
    fail('RECIPE_INVALID', `The recipe pinned by order item ${item.id} is invalid: ${compiled.issues.map((i) => i.message).join('; ')}`);
  }
  const { templateId } = item.workflowVersion;
  const tasks = taskIndex(compiled.definition);
  const scaledMinutes: Record<string, number> = {};
  const expectedMinutes: Record<string, number> = {};
  for (const [id, { task }] of tasks) {
    const base = { estimateMinutes: task.estimated_minutes, quantity: item.quantity };
    scaledMinutes[id] = expectedDurationMs(base) / 60_000;
    expectedMinutes[id] = expectedDurationMs({ ...base, learned: learned.lookup(templateId, id, null, task.station_type) }) / 60_000;
  }
  const analysis = analyzeRecipe(compiled.definition, { durations: expectedMinutes });
  return { templateId, definition: compiled.definition, tasks, analysis, scaledMinutes };
}
