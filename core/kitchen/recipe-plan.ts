import { expectedDurationMs } from '../../domain/eta';
import { addedMinutesByTask, applyModifiers, parseOrderedModifiers } from '../../domain/menu';
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
  /** Of scaledMinutes, what the modifiers added (task_instances.added_minutes): it stays on top of a learned time. */
  addedMinutes: Record<string, number>;
}

/**
 * The item's pinned, published recipe version as its ordered modifiers change it (skipped tasks
 * gone, minutes added). Published versions were validated on publish and the modifiers when the
 * order was taken, so a failure here is corrupt data: retrying cannot help.
 */
export function pinnedRecipe(
  item: { id: string; quantity: number; modifiers?: unknown; workflowVersion: { templateId: string; definition: unknown } | null },
  learned: LearnedDurations,
): PinnedRecipe | null {
  if (!item.workflowVersion) return null; // e.g. a drink: nothing to cook
  const pinned = compileRecipe(item.workflowVersion.definition);
  const effects = parseOrderedModifiers(item.modifiers).flatMap((m) => m.effects);
  const modified = pinned.ok && effects.length > 0 ? applyModifiers(pinned.definition, effects) : null;
  const compiled = modified?.ok ? compileRecipe(modified.definition) : pinned;
  if (!compiled.ok) {
    fail('RECIPE_INVALID', `The recipe pinned by order item ${item.id} is invalid: ${compiled.issues.map((i) => i.message).join('; ')}`);
  }
  if (modified && !modified.ok) fail('RECIPE_INVALID', `The modifiers of order item ${item.id} leave nothing to cook: ${modified.message}`);
  const { templateId } = item.workflowVersion;
  const tasks = taskIndex(compiled.definition);
  const added = modified?.ok ? addedMinutesByTask(effects) : new Map<string, number>();
  const scaledMinutes: Record<string, number> = {};
  const addedMinutes: Record<string, number> = {};
  const expectedMinutes: Record<string, number> = {};
  for (const [id, { task }] of tasks) {
    const extra = added.get(id) ?? 0;
    const base = { estimateMinutes: task.estimated_minutes - extra, addedMinutes: extra, quantity: item.quantity };
    scaledMinutes[id] = expectedDurationMs(base) / 60_000;
    addedMinutes[id] = expectedDurationMs({ estimateMinutes: extra, quantity: item.quantity }) / 60_000;
    expectedMinutes[id] = expectedDurationMs({ ...base, learned: learned.lookup(templateId, id, null, task.station_type) }) / 60_000;
  }
  const analysis = analyzeRecipe(compiled.definition, { durations: expectedMinutes });
  return { templateId, definition: compiled.definition, tasks, analysis, scaledMinutes, addedMinutes };
}
