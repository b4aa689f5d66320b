import type { PhaseDef, TaskDef, WorkflowDefinition } from './types';

/**
 * Internal adjacency view of a definition. Every graph algorithm in this folder goes through it so that
 * they all agree on tie-breaking (rank) and on how they tolerate invalid input: validation runs these
 * algorithms on definitions that may still have unknown or duplicate ids.
 */
export interface Dag {
  /** Unique task ids, ranked: phase `order`, then phase position in the array, then task position. */
  ids: string[];
  rank: Map<string, number>;
  /** Known dependencies per task (deduplicated, ranked). Self-edges are kept: they are real cycles. */
  deps: Map<string, string[]>;
  /** Reverse of `deps`, ranked. */
  dependents: Map<string, string[]>;
}

export interface TaskEntry {
  task: TaskDef;
  phase: PhaseDef;
}

/** Phases sorted by `order`; equal orders keep array position so the result never depends on sort internals. */
export function phasesInOrder(def: WorkflowDefinition): PhaseDef[] {
  return def.phases
    .map((phase, index) => ({ phase, index }))
    .sort((a, b) => a.phase.order - b.phase.order || a.index - b.index)
    .map((p) => p.phase);
}

/** All task entries in rank order, duplicates included (validation needs to see them). */
export function rankedEntries(def: WorkflowDefinition): TaskEntry[] {
  return phasesInOrder(def).flatMap((phase) => phase.tasks.map((task) => ({ task, phase })));
}

export function buildDag(def: WorkflowDefinition): Dag {
  const ids: string[] = [];
  const rank = new Map<string, number>();
  const entries = rankedEntries(def);
  for (const { task } of entries) {
    if (rank.has(task.id)) continue;
    rank.set(task.id, ids.length);
    ids.push(task.id);
  }

  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  const depSets = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  const dependentSets = new Map<string, Set<string>>(ids.map((id) => [id, new Set<string>()]));
  // Duplicate task ids merge their edges: the id is what dependencies refer to, so that is the node.
  for (const { task } of entries) {
    for (const dep of task.depends_on ?? []) {
      if (!rank.has(dep)) continue; // unknown ids are reported by validation, not modelled as nodes
      depSets.get(task.id)!.add(dep);
      dependentSets.get(dep)!.add(task.id);
    }
  }

  const ranked = (m: Map<string, Set<string>>) => new Map(ids.map((id) => [id, [...m.get(id)!].sort(byRank)] as const));
  return { ids, rank, deps: ranked(depSets), dependents: ranked(dependentSets) };
}
