import fc from 'fast-check';
import { compileRecipe, type WorkflowDefinition } from '../recipe';
import { allTasks, dagArb, STATIONS } from '../recipe/test-arbitraries';
import { phase, recipe, task } from '../recipe/test-fixtures';
import { applyModifiers } from './apply-modifiers';
import type { ModifierEffect } from './modifier-effects';

const margherita = (): WorkflowDefinition => ({
  deduct_inventory_phase: 'garnish',
  phases: [
    phase('prep', 1, [
      task('dough', 3),
      task('sauce', 2, ['dough'], {
        subtasks: [
          { id: 'oil', name: 'Oil', optional: false },
          { id: 'salt', name: 'Salt', optional: true },
        ],
      }),
    ]),
    phase('garnish', 2, [task('basil', 1, ['sauce'])]),
    phase('cook', 3, [task('bake', 8, ['basil']), task('slice', 1, ['bake', 'basil'])]),
  ],
});

const applied = (def: WorkflowDefinition, effects: ModifierEffect[]) => {
  const result = applyModifiers(def, effects);
  if (!result.ok) throw new Error(result.message);
  return result.definition;
};
const tasksOf = (def: WorkflowDefinition) => new Map(allTasks(def).map((t) => [t.id, t]));

describe('applyModifiers', () => {
  it('leaves the recipe as it is without effects', () => {
    expect(applied(margherita(), [])).toEqual(margherita());
  });

  it('removes a skipped task and hands its dependencies to its dependents', () => {
    const def = applied(margherita(), [{ kind: 'SKIP_TASK', taskId: 'basil' }]);
    const tasks = tasksOf(def);
    expect(tasks.has('basil')).toBe(false);
    expect(tasks.get('bake')!.depends_on).toEqual(['sauce']);
    // slice waited for bake and basil; basil's own dependency (sauce) replaces it.
    expect(tasks.get('slice')!.depends_on).toEqual(['bake', 'sauce']);
  });

  it('drops the phase left empty and the deduct phase with it', () => {
    const def = applied(margherita(), [{ kind: 'SKIP_TASK', taskId: 'basil' }]);
    expect(def.phases.map((p) => p.id)).toEqual(['prep', 'cook']);
    expect(def.deduct_inventory_phase).toBeUndefined();
    expect(compileRecipe(def).ok).toBe(true);
  });

  it('rewires through a chain of skipped tasks', () => {
    const tasks = tasksOf(
      applied(margherita(), [
        { kind: 'SKIP_TASK', taskId: 'sauce' },
        { kind: 'SKIP_TASK', taskId: 'basil' },
      ]),
    );
    expect(tasks.get('bake')!.depends_on).toEqual(['dough']);
    expect(tasks.get('slice')!.depends_on).toEqual(['bake', 'dough']);
  });

  it('skips one checklist item and adds minutes to a task', () => {
    const tasks = tasksOf(
      applied(margherita(), [
        { kind: 'SKIP_SUBTASK', taskId: 'sauce', subtaskId: 'salt' },
        { kind: 'ADD_MINUTES', taskId: 'bake', minutes: 2 },
        { kind: 'ADD_MINUTES', taskId: 'bake', minutes: 1.5 },
      ]),
    );
    expect(tasks.get('sauce')!.subtasks.map((s) => s.id)).toEqual(['oil']);
    expect(tasks.get('bake')!.estimated_minutes).toBe(11.5);
  });

  it('ignores effects on tasks the recipe does not have and never mutates its input', () => {
    const def = margherita();
    const before = JSON.stringify(def);
    applied(def, [
      { kind: 'SKIP_TASK', taskId: 'gone' },
      { kind: 'ADD_MINUTES', taskId: 'gone', minutes: 3 },
      { kind: 'SKIP_TASK', taskId: 'basil' },
    ]);
    expect(JSON.stringify(def)).toBe(before);
  });

  it('refuses a result with no task', () => {
    const result = applyModifiers(recipe(phase('p', 1, [task('a', 1), task('b', 1, ['a'])])), [
      { kind: 'SKIP_TASK', taskId: 'a' },
      { kind: 'SKIP_TASK', taskId: 'b' },
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'NO_TASKS' });
  });
});

/** Every task reachable backwards from `id` along depends_on. */
function ancestors(def: WorkflowDefinition, id: string): Set<string> {
  const tasks = tasksOf(def);
  const seen = new Set<string>();
  const stack = [...(tasks.get(id)?.depends_on ?? [])];
  while (stack.length) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(tasks.get(next)?.depends_on ?? []));
  }
  return seen;
}

describe('applyModifiers properties', () => {
  const withSkips = dagArb.chain((def) => fc.record({ def: fc.constant(def), skip: fc.subarray(allTasks(def).map((t) => t.id)) }));

  it('keeps a valid recipe valid and keeps every ordering between the remaining tasks', () => {
    fc.assert(
      fc.property(withSkips, ({ def, skip }) => {
        const result = applyModifiers(
          def,
          skip.map((taskId) => ({ kind: 'SKIP_TASK' as const, taskId })),
        );
        if (skip.length === allTasks(def).length) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error(result.message);
        const compiled = compileRecipe(result.definition, { stationTypes: STATIONS.map((s) => s.toUpperCase()) });
        expect(compiled.ok).toBe(true);
        const kept = allTasks(result.definition).map((t) => t.id);
        expect(kept.sort()).toEqual(
          allTasks(def)
            .map((t) => t.id)
            .filter((id) => !skip.includes(id))
            .sort(),
        );
        for (const id of kept) {
          const before = [...ancestors(def, id)].filter((a) => !skip.includes(a)).sort();
          expect([...ancestors(result.definition, id)].sort()).toEqual(before);
        }
      }),
    );
  });
});
