import type { OrderedModifier } from './modifier-effects';

/**
 * The ordered options a cook should read on one task's ticket: those that change this task
 * (minutes added, a checklist item skipped), and those that change no task left on the KDS (a
 * skipped task, more or less of an ingredient), which every task of the item shows.
 */
export function optionsForTask(modifiers: readonly OrderedModifier[], taskDefId: string): string[] {
  return modifiers
    .filter((m) => m.effects.length === 0 || m.effects.some((e) => e.kind === 'SKIP_TASK' || !('taskId' in e) || e.taskId === taskDefId))
    .map((m) => (m.groupName && m.groupName !== m.optionName ? `${m.groupName}: ${m.optionName}` : m.optionName));
}
