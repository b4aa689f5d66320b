import type { TaskDef, WorkflowDefinition } from '../../../domain/recipe';

// Small recipes for web tests, named so each test reads as the kitchen situation it checks.

export function task(id: string, minutes: number, dependsOn: string[] = [], extra: Partial<TaskDef> = {}): TaskDef {
  return { id, name: `Task ${id}`, station_type: 'forno', estimated_minutes: minutes, depends_on: dependsOn, subtasks: [], ...extra };
}

/** dough 3 → topping 2 → bake 8, plus a salad (4) that only the packing (1) waits for. */
export function pizzaWithSalad(): WorkflowDefinition {
  return {
    deduct_inventory_phase: 'prep',
    phases: [
      {
        id: 'prep',
        name: 'Preparation',
        order: 1,
        tasks: [
          task('dough', 3, [], {
            subtasks: [
              { id: 's1', name: 'Take a dough ball', optional: false },
              { id: 's2', name: 'Flour the bench', optional: true },
            ],
          }),
          task('topping', 2, ['dough']),
          task('salad', 4, [], { station_type: 'banco' }),
        ],
      },
      { id: 'cook', name: 'Cooking', order: 2, tasks: [task('bake', 8, ['topping'])] },
      { id: 'pack', name: 'Packing', order: 3, tasks: [task('box', 1, ['bake', 'salad'], { station_type: 'banco' })] },
    ],
  };
}

/** a → b → c → a, with d after c: the cycle is exactly a, b, c. */
export function cyclic(): WorkflowDefinition {
  return {
    phases: [
      { id: 'p1', name: 'One', order: 1, tasks: [task('a', 2, ['c']), task('b', 2, ['a'])] },
      { id: 'p2', name: 'Two', order: 2, tasks: [task('c', 2, ['b']), task('d', 2, ['c'])] },
    ],
  };
}

export const STATION_TYPES = ['forno', 'banco'];
