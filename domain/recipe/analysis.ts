import { buildDag, phasesInOrder } from './dag';
import { taskIndex, topologicalOrder } from './graph';
import type { WorkflowDefinition } from './types';

export interface RecipeAnalysis {
  /** Deterministic topological order (see topologicalOrder). */
  order: string[];
  /** Critical-path length: the best possible wall-clock time with unlimited parallel stations. */
  totalMinutes: number;
  /** Total work: what a single cook doing everything sequentially would need. */
  sumMinutes: number;
  /** Longest chain of dependent tasks, in execution order. */
  criticalPath: string[];
  earliestStart: Record<string, number>;
  earliestFinish: Record<string, number>;
  /** How long a task can slip without delaying the whole recipe; 0 on the critical path. */
  slack: Record<string, number>;
}

export interface AnalyzeOptions {
  /** Minutes per task id overriding estimated_minutes, e.g. learned averages from past orders. */
  durations?: Record<string, number>;
}

/** Expects an acyclic definition (run validateDefinition first); throws on a cycle. */
export function analyzeRecipe(def: WorkflowDefinition, opts: AnalyzeOptions = {}): RecipeAnalysis {
  const order = topologicalOrder(def);
  const dag = buildDag(def);
  const index = taskIndex(def);
  const minutes = (id: string): number => {
    const learned = opts.durations?.[id];
    // A broken learned value (NaN, negative) must not poison the schedule; the estimate is still sane.
    return typeof learned === 'number' && Number.isFinite(learned) && learned >= 0 ? learned : index.get(id)!.task.estimated_minutes;
  };

  // Forward pass over the topological order: every dependency's finish is known before it is needed.
  const earliestStart: Record<string, number> = {};
  const earliestFinish: Record<string, number> = {};
  for (const id of order) {
    const start = Math.max(0, ...dag.deps.get(id)!.map((dep) => earliestFinish[dep]));
    earliestStart[id] = start;
    earliestFinish[id] = start + minutes(id);
  }
  const totalMinutes = Math.max(0, ...order.map((id) => earliestFinish[id]));

  // Backward pass: latest finish that still meets totalMinutes.
  const latestFinish: Record<string, number> = {};
  const slack: Record<string, number> = {};
  for (const id of [...order].reverse()) {
    const latestStarts = dag.dependents.get(id)!.map((next) => latestFinish[next] - minutes(next));
    latestFinish[id] = Math.min(totalMinutes, ...latestStarts);
    slack[id] = latestFinish[id] - earliestFinish[id];
  }

  return {
    order,
    totalMinutes,
    sumMinutes: order.reduce((sum, id) => sum + minutes(id), 0),
    criticalPath: criticalPath(order, dag.deps, dag.rank, earliestStart, earliestFinish, totalMinutes),
    earliestStart,
    earliestFinish,
    slack,
  };
}

/**
 * Walks back from the task that finishes last through the dependency that determined each start time.
 * Ties go to the lowest rank (phase order, then position), so the highlighted path is stable. Exact
 * equality is safe: earliestStart is literally the max of the dependencies' earliestFinish values.
 */
function criticalPath(
  order: string[],
  deps: Map<string, string[]>,
  rank: Map<string, number>,
  earliestStart: Record<string, number>,
  earliestFinish: Record<string, number>,
  totalMinutes: number,
): string[] {
  const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
  let current: string | undefined = order.filter((id) => earliestFinish[id] === totalMinutes).sort(byRank)[0];
  const path: string[] = [];
  while (current !== undefined) {
    path.push(current);
    const start: number = earliestStart[current];
    current = deps.get(current)!.find((dep) => earliestFinish[dep] === start); // deps are already ranked
  }
  return path.reverse();
}

/** The phase whose first task start deducts inventory: explicit, else the first phase by `order`. */
export function deductPhaseId(def: WorkflowDefinition): string {
  if (def.deduct_inventory_phase !== undefined) return def.deduct_inventory_phase;
  const first = phasesInOrder(def)[0];
  if (!first) throw new Error('Recipe has no phases, so there is no phase to deduct inventory in');
  return first.id;
}
