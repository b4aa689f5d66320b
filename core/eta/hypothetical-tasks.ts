import { expectedDurationMs, learnedSpread, pickupDelayMs, pickupSpread, type SimTask } from '../../domain/eta';
import { addedMinutesByTask, applyModifiers } from '../../domain/menu';
import { compileRecipe, taskIndex } from '../../domain/recipe';
import type { LearnedDurations } from '../kitchen-read/learned-durations';
import type { ResolvedLine } from '../orders/resolve-order-lines';

/**
 * The tasks an order line would get if it were placed now, as the simulation sees them: one task
 * per recipe task (as the line's modifiers change the recipe) for the whole quantity (batching, like materializeItemTasks), each with the
 * learned duration of that recipe task (any station) scaled by quantity, and planned to start
 * at `plannedFrom` plus its earliest start in the recipe (as materializeItemTasks plans them).
 * Ids are the recipe's; quoteItems qualifies them per item.
 */
export function hypotheticalTasks(line: ResolvedLine, learned: LearnedDurations, plannedFrom: number): SimTask[] {
  const pinned = compileRecipe(line.version.definition);
  // With the line's modifiers, as the item would be materialised (resolveOrderLines refused options that leave no task).
  const effects = line.modifiers.flatMap((m) => m.effects);
  const modified = pinned.ok ? applyModifiers(pinned.definition, effects) : null;
  const added = modified?.ok ? addedMinutesByTask(effects) : new Map<string, number>();
  const compiled = modified?.ok ? compileRecipe(modified.definition) : pinned;
  // Published versions were validated on publish: a failure is corrupt data, not the caller's input.
  if (!compiled.ok) throw new Error(`Published recipe version ${line.version.id} does not compile: ${compiled.issues.map((i) => i.message).join('; ')}`);
  const tasks: SimTask[] = [];
  for (const [id, { task }] of taskIndex(compiled.definition)) {
    const learnedHere = learned.lookup(line.version.templateId, id, null, task.station_type);
    const pickup = learned.pickup(null, task.station_type);
    tasks.push({
      id,
      orderId: '',
      orderItemId: '',
      stationType: task.station_type,
      status: 'PENDING',
      dependsOn: task.depends_on,
      durationMs: expectedDurationMs({
        // The options' added minutes stay on top of a learned time (it replaces only the recipe's own).
        estimateMinutes: task.estimated_minutes - (added.get(id) ?? 0),
        addedMinutes: added.get(id) ?? 0,
        quantity: line.line.quantity,
        learned: learnedHere,
      }),
      spread: learnedSpread(learnedHere),
      pickupMs: pickupDelayMs(pickup),
      pickupSpread: pickupSpread(pickup),
      priority: 0,
      plannedAt: plannedFrom + compiled.analysis.earliestStart[id] * 60_000,
    });
  }
  return tasks;
}
