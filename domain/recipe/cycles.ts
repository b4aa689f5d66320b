import { buildDag, type Dag } from './dag';
import type { WorkflowDefinition } from './types';

/**
 * One representative cycle per strongly connected component, so a designer fixing a tangled recipe
 * sees every independent loop at once instead of discovering them one save at a time.
 *
 * Cycles are returned in execution direction (each id must finish before the next may start), with the
 * first id repeated at the end: ['a', 'b', 'a'] means b depends on a and a depends on b.
 */
export function findCycles(def: WorkflowDefinition, opts: { includeSelfLoops?: boolean } = {}): string[][] {
  const dag = buildDag(def);
  const cycles: string[][] = [];
  for (const component of stronglyConnectedComponents(dag)) {
    if (component.length > 1) {
      cycles.push(cycleThrough(dag, component));
    } else if (opts.includeSelfLoops && dag.deps.get(component[0])!.includes(component[0])) {
      cycles.push([component[0], component[0]]);
    }
  }
  // Report in recipe order so the output is stable across runs and matches what the designer shows.
  return cycles.sort((a, b) => dag.rank.get(a[0])! - dag.rank.get(b[0])!);
}

/** Tarjan's algorithm. Recursion depth is bounded by the task count, which is tiny for a recipe. */
function stronglyConnectedComponents(dag: Dag): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of dag.dependents.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort((a, b) => dag.rank.get(a)! - dag.rank.get(b)!));
    }
  };

  for (const id of dag.ids) if (!index.has(id)) visit(id);
  return components;
}

/**
 * Shortest cycle through the component's first-ranked task. BFS keeps the printed loop short and
 * readable; staying inside the component guarantees the way back exists.
 */
function cycleThrough(dag: Dag, component: string[]): string[] {
  const start = component[0];
  const members = new Set(component);
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i];
    for (const w of dag.dependents.get(v)!) {
      if (!members.has(w)) continue;
      // A self-edge on start is a SELF_DEPENDENCY; the component has a longer loop worth showing.
      if (w === start && v !== start) {
        const path = [start];
        for (let cur = v; cur !== start; cur = parent.get(cur)!) path.push(cur);
        // path is [start, v, ..., successor-of-start] backwards from v; flip the tail into forward order.
        return [start, ...path.slice(1).reverse(), start];
      }
      if (w !== start && !parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error(`internal: no cycle through ${start} inside its strongly connected component`);
}
