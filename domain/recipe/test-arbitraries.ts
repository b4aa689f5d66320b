import fc from 'fast-check';
import type { TaskDef, WorkflowDefinition } from './types';
import { MAX_TASK_MINUTES } from './validate';

// fast-check generators for properties.test.ts (test-only).

export const STATIONS = ['forno', 'banco', 'Friggitrice'];

/**
 * Random DAGs: tasks scattered over randomly ordered phases, with every edge pointing from earlier to
 * later in a random permutation. That guarantees acyclicity while letting dependencies cross phases in
 * both directions, so nothing can silently rely on phase order.
 */
export const dagArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => {
    const ids = Array.from({ length: n }, (_, i) => `t${i}`);
    return fc.record({
      ids: fc.constant(ids),
      permutation: fc.shuffledSubarray(ids, { minLength: n, maxLength: n }),
      phaseCount: fc.integer({ min: 1, max: 5 }),
      phaseOrders: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 5, maxLength: 5 }),
      phaseOfTask: fc.array(fc.nat(), { minLength: n, maxLength: n }),
      minutes: fc.array(fc.integer({ min: 1, max: MAX_TASK_MINUTES }), { minLength: n, maxLength: n }),
      stations: fc.array(fc.constantFrom(...STATIONS), { minLength: n, maxLength: n }),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
    });
  })
  .map(({ ids, permutation, phaseCount, phaseOrders, phaseOfTask, minutes, stations, edges }): WorkflowDefinition => {
    const position = new Map(permutation.map((id, i) => [id, i]));
    const tasks: TaskDef[] = ids.map((id, i) => ({
      id,
      name: `Task ${id}`,
      station_type: stations[i],
      estimated_minutes: minutes[i],
      depends_on: [],
      subtasks: [],
    }));
    for (const [x, y] of edges) {
      if (x === y) continue;
      const [from, to] = position.get(ids[x])! < position.get(ids[y])! ? [x, y] : [y, x];
      if (!tasks[to].depends_on.includes(ids[from])) tasks[to].depends_on.push(ids[from]);
    }
    const phases = Array.from({ length: phaseCount }, (_, k) => ({
      id: `p${k}`,
      name: `Phase ${k}`,
      order: phaseOrders[k],
      tasks: tasks.filter((_, i) => phaseOfTask[i] % phaseCount === k),
    }));
    return { phases: phases.filter((p) => p.tasks.length > 0) };
  });

export const allTasks = (def: WorkflowDefinition) => def.phases.flatMap((p) => p.tasks);
export const byId = (def: WorkflowDefinition) => new Map(allTasks(def).map((t) => [t.id, t]));

/** Learned durations may be any non-negative number, including zero. */
export const durationsArb = fc.option(fc.dictionary(fc.constantFrom(...Array.from({ length: 25 }, (_, i) => `t${i}`)), fc.integer({ min: 0, max: 60 })), {
  nil: undefined,
});
