import { analyzeRecipe, deductPhaseId } from './analysis';
import { phase, recipe, task } from './test-fixtures';

const pizza = () =>
  recipe(
    phase('phase_prep', 1, [task('task_dough', 3), task('task_topping', 2, ['task_dough'])]),
    phase('phase_cook', 2, [task('task_bake', 8, ['task_topping'])]),
  );

// a(2) fans out to b(5) and c(3), which join in d(1).
const diamond = (cMinutes = 3) => recipe(phase('p', 1, [task('a', 2), task('b', 5, ['a']), task('c', cMinutes, ['a']), task('d', 1, ['b', 'c'])]));

describe('analyzeRecipe', () => {
  it('computes the pizza critical path dough 3 → topping 2 → bake 8 = 13 minutes', () => {
    const analysis = analyzeRecipe(pizza());
    expect(analysis).toEqual({
      order: ['task_dough', 'task_topping', 'task_bake'],
      totalMinutes: 13,
      sumMinutes: 13,
      criticalPath: ['task_dough', 'task_topping', 'task_bake'],
      earliestStart: { task_dough: 0, task_topping: 3, task_bake: 5 },
      earliestFinish: { task_dough: 3, task_topping: 5, task_bake: 13 },
      slack: { task_dough: 0, task_topping: 0, task_bake: 0 },
    });
  });

  it('runs parallel branches of a diamond concurrently and follows the longer one', () => {
    const analysis = analyzeRecipe(diamond());
    expect(analysis.totalMinutes).toBe(8);
    expect(analysis.sumMinutes).toBe(11);
    expect(analysis.criticalPath).toEqual(['a', 'b', 'd']);
    expect(analysis.earliestStart).toEqual({ a: 0, b: 2, c: 2, d: 7 });
    expect(analysis.slack).toEqual({ a: 0, b: 0, c: 2, d: 0 });
  });

  it('breaks a critical-path tie in favour of the earlier-ranked branch', () => {
    expect(analyzeRecipe(diamond(5)).criticalPath).toEqual(['a', 'b', 'd']);
  });

  it('uses duration overrides such as learned averages instead of the estimates', () => {
    const analysis = analyzeRecipe(diamond(), { durations: { c: 10 } });
    expect(analysis.totalMinutes).toBe(13);
    expect(analysis.criticalPath).toEqual(['a', 'c', 'd']);
    expect(analysis.slack.b).toBe(5);
  });

  it('falls back to the estimate when an override is not a usable number', () => {
    const analysis = analyzeRecipe(diamond(), { durations: { b: Number.NaN, c: -1 } });
    expect(analysis.totalMinutes).toBe(8);
  });

  it('ends the critical path at the task that finishes last, even if it is not the last in order', () => {
    const def = recipe(phase('p', 1, [task('slow', 30), task('a', 1), task('b', 1, ['a'])]));
    expect(analyzeRecipe(def).criticalPath).toEqual(['slow']);
  });
});

describe('deductPhaseId', () => {
  it('uses the explicit deduct_inventory_phase', () => {
    expect(deductPhaseId({ ...pizza(), deduct_inventory_phase: 'phase_cook' })).toBe('phase_cook');
  });

  it('defaults to the first phase by order, not by array position', () => {
    const def = recipe(phase('plating', 3, [task('x', 1)]), phase('mise', 0, [task('y', 1)]));
    expect(deductPhaseId(def)).toBe('mise');
  });

  it('throws when there is no phase at all', () => {
    expect(() => deductPhaseId(recipe())).toThrow('no phases');
  });
});
