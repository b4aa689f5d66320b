import { findCycle, taskIndex, topologicalOrder } from './graph';
import { phase, recipe, task } from './test-fixtures';

const pizza = () =>
  recipe(
    phase('phase_prep', 1, [task('task_dough', 3), task('task_topping', 2, ['task_dough'])]),
    phase('phase_cook', 2, [task('task_bake', 8, ['task_topping'])]),
  );

describe('taskIndex', () => {
  it('maps every task id to its task and the phase holding it', () => {
    const index = taskIndex(pizza());
    expect([...index.keys()]).toEqual(['task_dough', 'task_topping', 'task_bake']);
    expect(index.get('task_bake')!.phase.id).toBe('phase_cook');
    expect(index.get('task_topping')!.task.estimated_minutes).toBe(2);
  });
});

describe('findCycle', () => {
  it('returns null for an acyclic recipe', () => {
    expect(findCycle(pizza())).toBeNull();
  });

  it('returns the cycle in execution order with the first id repeated at the end', () => {
    const def = recipe(phase('p', 1, [task('a', 1, ['c']), task('b', 1, ['a']), task('c', 1, ['b'])]));
    expect(findCycle(def)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('treats a self-dependency as a one-task cycle', () => {
    expect(findCycle(recipe(phase('p', 1, [task('a', 1, ['a'])])))).toEqual(['a', 'a']);
  });

  it('ignores dependencies on unknown tasks', () => {
    expect(findCycle(recipe(phase('p', 1, [task('a', 1, ['ghost'])])))).toBeNull();
  });
});

describe('topologicalOrder', () => {
  it('orders the pizza dough, then topping, then bake', () => {
    expect(topologicalOrder(pizza())).toEqual(['task_dough', 'task_topping', 'task_bake']);
  });

  it('breaks ties by phase order, then by position within the phase', () => {
    // Phases listed out of order in the array: `order` decides, not array position.
    const def = recipe(phase('late', 2, [task('x', 1), task('y', 1)]), phase('early', 1, [task('b', 1), task('a', 1)]));
    expect(topologicalOrder(def)).toEqual(['b', 'a', 'x', 'y']);
  });

  it('lets a dependency on a later phase override phase order', () => {
    const def = recipe(phase('first', 1, [task('garnish', 1, ['sauce'])]), phase('second', 2, [task('sauce', 1)]));
    expect(topologicalOrder(def)).toEqual(['sauce', 'garnish']);
  });

  it('releases a waiting task by rank, not by when it became ready', () => {
    // d becomes ready before b finishes, but b outranks d.
    const def = recipe(phase('p', 1, [task('a', 1), task('b', 1), task('c', 1, ['a', 'b']), task('d', 1, ['a'])]));
    expect(topologicalOrder(def)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('throws and prints the cycle when the recipe is cyclic', () => {
    const def = recipe(phase('p', 1, [task('ok', 1), task('a', 1, ['b']), task('b', 1, ['a'])]));
    expect(() => topologicalOrder(def)).toThrow('Cycle: a → b → a');
  });
});
