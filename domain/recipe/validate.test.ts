import { parseDefinition } from './schema';
import { phase, pizzaJson, recipe, task } from './test-fixtures';
import type { RecipeIssueCode, WorkflowDefinition } from './types';
import { MAX_TASK_MINUTES, validateDefinition } from './validate';

function pizza(): WorkflowDefinition {
  const parsed = parseDefinition(pizzaJson);
  if (!parsed.ok) throw new Error('fixture must parse');
  return parsed.definition;
}

const codes = (def: WorkflowDefinition, opts?: { stationTypes?: readonly string[] }) => validateDefinition(def, opts).map((i) => i.code);

function only(def: WorkflowDefinition, code: RecipeIssueCode, opts?: { stationTypes?: readonly string[] }) {
  const issues = validateDefinition(def, opts).filter((i) => i.code === code);
  expect(issues).toHaveLength(1);
  expect(issues[0].severity).toBe(code === 'ORPHAN_TASK' ? 'warning' : 'error');
  return issues[0];
}

describe('validateDefinition', () => {
  it('finds no issues in the seed pizza', () => {
    expect(validateDefinition(pizza(), { stationTypes: ['forno', 'banco'] })).toEqual([]);
  });

  it('reports a recipe without phases', () => {
    expect(codes(recipe())).toEqual(['NO_PHASES']);
  });

  it('reports a phase without tasks and names the phase', () => {
    const issue = only(recipe(phase('p1', 1, [task('a', 1)]), phase('p_empty', 2, [])), 'EMPTY_PHASE');
    expect(issue.phaseId).toBe('p_empty');
    expect(issue.message).toContain('p_empty');
  });

  it('reports a phase id used twice', () => {
    const issue = only(recipe(phase('p', 1, [task('a', 1)]), phase('p', 2, [task('b', 1, ['a'])])), 'DUPLICATE_ID');
    expect(issue.phaseId).toBe('p');
    expect(issue.message).toContain('"p"');
  });

  it('reports a task id reused in another phase, because task ids are global', () => {
    const def = recipe(phase('p1', 1, [task('a', 1)]), phase('p2', 2, [task('a', 2)]));
    const issue = only(def, 'DUPLICATE_ID');
    expect(issue.taskId).toBe('a');
    expect(issue.message).toContain('"p1", "p2"');
  });

  it('reports duplicate subtask ids within a task once per id', () => {
    const sub = (id: string) => ({ id, name: id, optional: false });
    const def = recipe(phase('p', 1, [task('a', 1, [], { subtasks: [sub('s1'), sub('s1'), sub('s1'), sub('s2')] })]));
    const issue = only(def, 'DUPLICATE_SUBTASK');
    expect(issue.taskId).toBe('a');
    expect(issue.message).toBe('Task "a" has more than one subtask with id "s1"');
  });

  it('allows the same subtask id in different tasks', () => {
    const sub = { id: 's1', name: 's', optional: false };
    expect(codes(recipe(phase('p', 1, [task('a', 1, [], { subtasks: [sub] }), task('b', 1, ['a'], { subtasks: [sub] })])))).toEqual([]);
  });

  it('reports a dependency on a task that does not exist, naming both ids', () => {
    const issue = only(recipe(phase('p', 1, [task('a', 1), task('b', 1, ['a', 'ghost'])])), 'UNKNOWN_DEPENDENCY');
    expect(issue).toMatchObject({ taskId: 'b', edge: { from: 'ghost', to: 'b' } });
    expect(issue.message).toBe('Task "b" depends on unknown task "ghost"');
  });

  it('reports a task depending on itself without also calling it a cycle', () => {
    const def = recipe(phase('p', 1, [task('a', 1), task('b', 1, ['a', 'b'])]));
    expect(codes(def)).toEqual(['SELF_DEPENDENCY']);
    expect(only(def, 'SELF_DEPENDENCY')).toMatchObject({ taskId: 'b', message: 'Task "b" depends on itself' });
  });

  it('prints a three-task cycle in execution order with the path and first task', () => {
    // a needs c, b needs a, c needs b: a → b → c → a
    const def = recipe(phase('p', 1, [task('task_a', 1, ['task_c']), task('task_b', 1, ['task_a']), task('task_c', 1, ['task_b'])]));
    const issue = only(def, 'CYCLE');
    expect(issue.message).toBe('Cycle: task_a → task_b → task_c → task_a');
    expect(issue.path).toEqual(['task_a', 'task_b', 'task_c', 'task_a']);
    expect(issue.taskId).toBe('task_a');
  });

  it('detects a cycle that crosses phases', () => {
    const def = recipe(phase('prep', 1, [task('task_a', 1, ['task_b'])]), phase('cook', 2, [task('task_b', 1, ['task_a'])]));
    expect(codes(def)).toEqual(['CYCLE']);
    expect(only(def, 'CYCLE').message).toBe('Cycle: task_a → task_b → task_a');
  });

  it('reports each independent cycle separately', () => {
    const def = recipe(phase('p', 1, [task('a', 1, ['b']), task('b', 1, ['a']), task('c', 1, ['d']), task('d', 1, ['c'])]));
    expect(validateDefinition(def).map((i) => i.message)).toEqual(['Cycle: a → b → a', 'Cycle: c → d → c']);
  });

  it('checks station types case-insensitively and lists the known types', () => {
    const def = recipe(phase('p', 1, [task('a', 1, [], { station_type: 'Forno' }), task('b', 1, ['a'], { station_type: 'grill' })]));
    const issue = only(def, 'UNKNOWN_STATION_TYPE', { stationTypes: ['forno', 'banco'] });
    expect(issue.taskId).toBe('b');
    expect(issue.message).toBe('Task "b" uses unknown station type "grill" (known types: forno, banco)');
  });

  it('skips the station type check when no station types are given', () => {
    expect(codes(recipe(phase('p', 1, [task('a', 1, [], { station_type: 'anything' })])))).toEqual([]);
  });

  it.each([0, -2, MAX_TASK_MINUTES + 1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects estimated_minutes of %p and names the task and the value',
    (minutes) => {
      const issue = only(recipe(phase('p', 1, [task('slow', minutes)])), 'INVALID_MINUTES');
      expect(issue.taskId).toBe('slow');
      expect(issue.message).toContain('Task "slow" has estimated_minutes ' + String(minutes));
    },
  );

  it('accepts fractional minutes and the maximum of 720', () => {
    expect(codes(recipe(phase('p', 1, [task('a', 0.5), task('b', MAX_TASK_MINUTES, ['a'])])))).toEqual([]);
  });

  it('reports a deduct_inventory_phase that is not a phase of the recipe', () => {
    const def = { ...pizza(), deduct_inventory_phase: 'phase_plating' };
    const issue = only(def, 'UNKNOWN_DEDUCT_PHASE');
    expect(issue.phaseId).toBe('phase_plating');
    expect(issue.message).toContain('"phase_prep", "phase_cook"');
  });

  it('warns about a task that is disconnected from the rest of the recipe', () => {
    const def = recipe(phase('p', 1, [task('a', 1), task('b', 1, ['a']), task('drink', 1)]));
    const issue = only(def, 'ORPHAN_TASK');
    expect(issue).toMatchObject({ taskId: 'drink', phaseId: 'p', severity: 'warning' });
  });

  it('does not call the only task of a recipe an orphan', () => {
    expect(codes(recipe(phase('p', 1, [task('a', 1)])))).toEqual([]);
  });

  it('reports every problem at once rather than stopping at the first', () => {
    const def = recipe(phase('p', 1, [task('a', 0, ['ghost']), task('a', 1)]), phase('empty', 2, []));
    expect(codes(def).sort()).toEqual(['DUPLICATE_ID', 'EMPTY_PHASE', 'INVALID_MINUTES', 'UNKNOWN_DEPENDENCY']);
  });
});
