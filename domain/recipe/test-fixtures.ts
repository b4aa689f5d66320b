import type { PhaseDef, TaskDef, WorkflowDefinition } from './types';

// Builders for tests only: they keep each test focused on the one field that matters to it.

export function task(id: string, minutes: number, dependsOn: string[] = [], extra: Partial<TaskDef> = {}): TaskDef {
  return { id, name: `Task ${id}`, station_type: 'forno', estimated_minutes: minutes, depends_on: dependsOn, subtasks: [], ...extra };
}

export function phase(id: string, order: number, tasks: TaskDef[]): PhaseDef {
  return { id, name: `Phase ${id}`, order, tasks };
}

export function recipe(...phases: PhaseDef[]): WorkflowDefinition {
  return { phases };
}

/** The seed pizza, as raw JSON exactly as stored: dough 3 → topping 2 → bake 8. */
export const pizzaJson = {
  deduct_inventory_phase: 'phase_prep',
  phases: [
    {
      id: 'phase_prep',
      name: 'Preparazione',
      order: 1,
      tasks: [
        {
          id: 'task_dough',
          name: 'Stendi impasto',
          station_type: 'banco',
          estimated_minutes: 3,
          depends_on: [],
          subtasks: [
            { id: 'sub_1', name: 'Prendi pallina', optional: false },
            { id: 'sub_2', name: 'Infarina', optional: true },
          ],
        },
        { id: 'task_topping', name: 'Condisci', station_type: 'banco', estimated_minutes: 2, depends_on: ['task_dough'] },
      ],
    },
    {
      id: 'phase_cook',
      name: 'Cottura',
      order: 2,
      tasks: [{ id: 'task_bake', name: 'Inforna', station_type: 'forno', estimated_minutes: 8, depends_on: ['task_topping'] }],
    },
  ],
};
