import { findCycles } from './cycles';
import { buildDag, rankedEntries, type TaskEntry } from './dag';
import type { WorkflowDefinition } from './types';

export type { TaskEntry } from './dag';
export { findCycles } from './cycles';

/**
 * Task id → task and the phase that holds it. On duplicate ids the first one in recipe order wins;
 * duplicates are a validation error, this only has to stay total so validation can run on bad input.
 */
export function taskIndex(def: WorkflowDefinition): Map<string, TaskEntry> {
  const index = new Map<string, TaskEntry>();
  for (const entry of rankedEntries(def)) {
    if (!index.has(entry.task.id)) index.set(entry.task.id, entry);
  }
  return index;
}

/**
 * The first cycle in recipe order, as ids in execution direction with the first id repeated at the
 * end (['a', 'b', 'c', 'a']), or null if the recipe is acyclic. A self-dependency counts: ['a', 'a'].
 */
export function findCycle(def: WorkflowDefinition): string[] | null {
  return findCycles(def, { includeSelfLoops: true })[0] ?? null;
}

/**
 * Kahn's algorithm with ready tasks picked by rank (phase order, then position), so the same recipe
 * always yields the same order — workflow replays and the designer's preview depend on that.
 * Unknown dependency ids are ignored (validation reports them). Throws on a cycle.
 */
export function topologicalOrder(def: WorkflowDefinition): string[] {
  const dag = buildDag(def);
  const remaining = new Map(dag.ids.map((id) => [id, dag.deps.get(id)!.length]));
  // Ready ids are kept sorted by rank; recipes are small, so a sorted array beats a heap for clarity.
  const ready = dag.ids.filter((id) => remaining.get(id) === 0);
  const order: string[] = [];

  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const next of dag.dependents.get(id)!) {
      const left = remaining.get(next)! - 1;
      remaining.set(next, left);
      if (left === 0) insertByRank(ready, next, dag.rank);
    }
  }

  if (order.length < dag.ids.length) {
    const cycle = findCycle(def);
    throw new Error(`Recipe is not a DAG: ${cycle ? `Cycle: ${cycle.join(' → ')}` : 'cycle detected'}`);
  }
  return order;
}

function insertByRank(sorted: string[], id: string, rank: Map<string, number>): void {
  const r = rank.get(id)!;
  let i = sorted.length;
  while (i > 0 && rank.get(sorted[i - 1])! > r) i--;
  sorted.splice(i, 0, id);
}
