import { cyclic, pizzaWithSalad, STATION_TYPES, task } from '../test-support/recipes';
import { edgeId, phaseNodeId, taskNodeId } from './graph-model';
import { checkRecipe } from './recipe-check';
import type { WorkflowDefinition } from '../../../domain/recipe';

const ids = (keys: Iterable<string>) => [...keys].sort();

describe('validation marks from the shared recipe module', () => {
  it('marks exactly the nodes and edges of a cycle, and nothing else', () => {
    const check = checkRecipe(cyclic(), { stationTypes: STATION_TYPES });
    expect(ids(check.nodeMarks.keys())).toEqual(ids(['a', 'b', 'c'].map(taskNodeId)));
    for (const mark of check.nodeMarks.values()) expect(mark.severity).toBe('error');
    expect(ids(check.edgeMarks.keys())).toEqual(ids([edgeId('a', 'b'), edgeId('b', 'c'), edgeId('c', 'a')]));
    expect([...check.edgeMarks.values()]).toEqual(['cycle', 'cycle', 'cycle']);
    expect(check.issues.map((i) => i.code)).toEqual(['CYCLE']);
  });

  it('marks only the task whose station type the kitchen does not have', () => {
    const def = pizzaWithSalad();
    def.phases[1].tasks[0].station_type = 'wok';
    const check = checkRecipe(def, { stationTypes: STATION_TYPES });
    expect(ids(check.nodeMarks.keys())).toEqual([taskNodeId('bake')]);
    expect(check.nodeMarks.get(taskNodeId('bake'))?.messages[0]).toMatch(/unknown station type "wok"/);
    expect(check.edgeMarks.size).toBe(0);
  });

  it('skips the station-type check while the stations are still loading', () => {
    const def = pizzaWithSalad();
    def.phases[1].tasks[0].station_type = 'wok';
    expect(checkRecipe(def).nodeMarks.size).toBe(0);
  });

  it('marks bad minutes on the task and an empty phase on its lane', () => {
    const def = pizzaWithSalad();
    def.phases[0].tasks[1].estimated_minutes = 0;
    def.phases.push({ id: 'empty', name: 'Empty', order: 9, tasks: [] });
    const check = checkRecipe(def, { stationTypes: STATION_TYPES });
    expect(ids(check.nodeMarks.keys())).toEqual(ids([taskNodeId('topping'), phaseNodeId('empty')]));
  });

  it('marks an orphan task as a warning that does not block the estimate', () => {
    const def = pizzaWithSalad();
    def.phases[0].tasks.push(task('garnish', 1));
    const check = checkRecipe(def, { stationTypes: STATION_TYPES });
    expect(check.nodeMarks.get(taskNodeId('garnish'))).toEqual({ severity: 'warning', messages: [expect.stringContaining('garnish')] });
    expect(check.errorCount).toBe(0);
    expect(check.analysis?.totalMinutes).toBe(14);
  });
});

describe('critical path', () => {
  it('highlights the longest chain and totals it: dough 3 + topping 2 + bake 8 + box 1', () => {
    const check = checkRecipe(pizzaWithSalad(), { stationTypes: STATION_TYPES });
    expect(check.analysis?.totalMinutes).toBe(14);
    expect(check.analysis?.criticalPath).toEqual(['dough', 'topping', 'bake', 'box']);
    expect(ids(check.criticalNodes)).toEqual(ids(['dough', 'topping', 'bake', 'box'].map(taskNodeId)));
    expect(ids(check.criticalEdges)).toEqual(ids([edgeId('dough', 'topping'), edgeId('topping', 'bake'), edgeId('bake', 'box')]));
    expect(check.criticalNodes.has(taskNodeId('salad'))).toBe(false);
  });

  it('moves when a side task becomes the slowest branch', () => {
    const def = pizzaWithSalad();
    def.phases[0].tasks[2].estimated_minutes = 20;
    const check = checkRecipe(def, { stationTypes: STATION_TYPES });
    expect(check.analysis?.criticalPath).toEqual(['salad', 'box']);
    expect(ids(check.criticalEdges)).toEqual([edgeId('salad', 'box')]);
  });

  it('stays visible while a station type is being fixed, but not while there is a cycle', () => {
    const def: WorkflowDefinition = pizzaWithSalad();
    def.phases[0].tasks[0].station_type = 'wok';
    expect(checkRecipe(def, { stationTypes: STATION_TYPES }).analysis?.totalMinutes).toBe(14);
    const loop = checkRecipe(cyclic(), { stationTypes: STATION_TYPES });
    expect(loop.analysis).toBeNull();
    expect(loop.criticalNodes.size).toBe(0);
  });

  it('computes a second total from learned averages when history exists', () => {
    const check = checkRecipe(pizzaWithSalad(), { stationTypes: STATION_TYPES, learnedMinutes: { bake: 10 } });
    expect(check.analysis?.totalMinutes).toBe(14);
    expect(check.learnedTotalMinutes).toBe(16);
  });
});
