import { parseDefinition } from './schema';
import { pizzaJson } from './test-fixtures';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

function shapeMessages(input: unknown): string[] {
  const result = parseDefinition(input);
  if (result.ok) throw new Error('expected the input to be rejected');
  expect(result.issues.every((i) => i.code === 'SHAPE' && i.severity === 'error')).toBe(true);
  return result.issues.map((i) => i.message);
}

describe('parseDefinition', () => {
  it('accepts the seed pizza and fills in defaults for subtasks, depends_on and optional', () => {
    const input = clone(pizzaJson) as any;
    delete input.phases[0].tasks[0].depends_on;
    delete input.phases[0].tasks[0].subtasks[0].optional;

    const result = parseDefinition(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));

    const [dough, topping] = result.definition.phases[0].tasks;
    expect(dough.depends_on).toEqual([]);
    expect(dough.subtasks[0]).toEqual({ id: 'sub_1', name: 'Prendi pallina', optional: false });
    expect(dough.subtasks[1].optional).toBe(true);
    expect(topping.subtasks).toEqual([]);
    expect(result.definition.deduct_inventory_phase).toBe('phase_prep');
  });

  it('trims ids and dependency references so stray whitespace cannot break links', () => {
    const input = clone(pizzaJson);
    input.phases[0].tasks[0].id = '  task_dough ';
    input.phases[0].tasks[1].depends_on = [' task_dough'];
    const result = parseDefinition(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.definition.phases[0].tasks[0].id).toBe('task_dough');
    expect(result.definition.phases[0].tasks[1].depends_on).toEqual(['task_dough']);
  });

  it('names the JSON path and the expected type when a field has the wrong type', () => {
    const input = clone(pizzaJson) as any;
    input.phases[0].tasks[1].estimated_minutes = '2';
    const result = parseDefinition(input);
    if (result.ok) throw new Error('expected failure');
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0].message).toBe('phases[0].tasks[1].estimated_minutes: expected number, received string');
    expect(result.issues[0].path).toEqual(['phases', '0', 'tasks', '1', 'estimated_minutes']);
    // The designer can highlight the task even though the recipe did not parse.
    expect(result.issues[0].taskId).toBe('task_topping');
    expect(result.issues[0].phaseId).toBe('phase_prep');
  });

  it('says when a required field is missing', () => {
    const input = clone(pizzaJson) as any;
    delete input.phases[1].tasks[0].station_type;
    expect(shapeMessages(input)).toEqual(['phases[1].tasks[0].station_type: expected string, but the field is missing']);
  });

  it('rejects empty or whitespace-only ids and names', () => {
    const input = clone(pizzaJson) as any;
    input.phases[0].id = '   ';
    input.phases[0].tasks[0].subtasks[0].name = '';
    input.phases[1].tasks[0].depends_on = [''];
    expect(shapeMessages(input)).toEqual([
      'phases[0].id: must not be empty',
      'phases[0].tasks[0].subtasks[0].name: must not be empty',
      'phases[1].tasks[0].depends_on[0]: must not be empty',
    ]);
  });

  it('rejects unknown fields so a typo like depend_on does not silently drop dependencies', () => {
    const input = clone(pizzaJson) as any;
    input.phases[1].tasks[0].depend_on = ['task_topping'];
    expect(shapeMessages(input)).toEqual(['phases[1].tasks[0]: unknown field "depend_on"']);
  });

  it('rejects non-finite numbers such as NaN', () => {
    const input = clone(pizzaJson) as any;
    input.phases[0].order = Number.NaN;
    expect(shapeMessages(input)).toEqual(['phases[0].order: expected number, received NaN']);
  });

  it('reports a non-object input at the root', () => {
    expect(shapeMessages([])).toEqual(['(root): expected object, received array']);
    expect(shapeMessages(null)).toEqual(['(root): expected object, received null']);
  });

  it('treats a null deduct_inventory_phase as not set', () => {
    const input = { ...clone(pizzaJson), deduct_inventory_phase: null };
    const result = parseDefinition(input);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.definition.deduct_inventory_phase).toBeUndefined();
  });

  it('accepts empty phase and task lists, leaving those to semantic validation', () => {
    expect(parseDefinition({ phases: [] }).ok).toBe(true);
    expect(parseDefinition({ phases: [{ id: 'p', name: 'P', order: 1, tasks: [] }] }).ok).toBe(true);
  });
});
