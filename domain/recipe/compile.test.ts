import { assertValidRecipe, compileRecipe, RecipeValidationError } from './compile';
import { pizzaJson } from './test-fixtures';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('compileRecipe', () => {
  it('parses, validates and analyzes the seed pizza', () => {
    const result = compileRecipe(pizzaJson, { stationTypes: ['forno', 'banco'] });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.definition.phases).toHaveLength(2);
    expect(result.analysis.totalMinutes).toBe(13);
    expect(result.warnings).toEqual([]);
  });

  it('stops at shape errors without running semantic validation', () => {
    const result = compileRecipe({ phases: 'nope' });
    expect(result).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'SHAPE', message: 'phases: expected array, received string' })],
    });
  });

  it('blocks on errors and still returns the warnings after them', () => {
    const input = clone(pizzaJson) as any;
    input.phases[1].tasks.push({ id: 'task_drink', name: 'Birra', station_type: 'bar', estimated_minutes: 1 });
    const result = compileRecipe(input, { stationTypes: ['forno', 'banco'] });
    if (result.ok) throw new Error('expected failure');
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['UNKNOWN_STATION_TYPE', 'error'],
      ['ORPHAN_TASK', 'warning'],
    ]);
  });

  it('does not block on warnings alone', () => {
    const input = clone(pizzaJson) as any;
    input.phases[1].tasks.push({ id: 'task_drink', name: 'Birra', station_type: 'bar', estimated_minutes: 1 });
    const result = compileRecipe(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings.map((w) => w.taskId)).toEqual(['task_drink']);
    expect(result.analysis.sumMinutes).toBe(14);
  });
});

describe('assertValidRecipe', () => {
  it('returns the compiled recipe when it is valid', () => {
    expect(assertValidRecipe(pizzaJson).analysis.criticalPath).toEqual(['task_dough', 'task_topping', 'task_bake']);
  });

  it('throws a RecipeValidationError carrying all issues and summarising the first few', () => {
    const input = clone(pizzaJson) as any;
    for (const t of input.phases[0].tasks) t.estimated_minutes = 0;
    input.phases[1].tasks[0].estimated_minutes = 0;
    input.phases[1].tasks[0].depends_on = ['ghost'];

    let caught: unknown;
    try {
      assertValidRecipe(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(RecipeValidationError);
    const err = caught as RecipeValidationError;
    expect(err.name).toBe('RecipeValidationError');
    expect(err.issues).toHaveLength(4);
    expect(err.message.split('; ')).toEqual([err.issues[0].message, err.issues[1].message, err.issues[2].message, '…and 1 more']);
  });
});
