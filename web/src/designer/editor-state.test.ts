import { pizzaWithSalad, STATION_TYPES } from '../test-support/recipes';
import { editorReducer, initialEditorState, type EditorAction, type EditorState } from './editor-state';
import { definitionToGraph, graphToDefinition, phaseNodeId, taskNodeId } from './graph-model';
import { checkRecipe } from './recipe-check';
import { isTaskNode } from './types';

const start = () => initialEditorState(definitionToGraph(pizzaWithSalad()));
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const defOf = (state: EditorState) => graphToDefinition(state.graph);
const depsOf = (state: EditorState, id: string) =>
  defOf(state)
    .phases.flatMap((p) => p.tasks)
    .find((t) => t.id === id)?.depends_on;

describe('designer editing', () => {
  it('starts clean, and moving a node does not count as a change to the recipe', () => {
    const moved = run(start(), { type: 'nodesChange', changes: [{ type: 'position', id: taskNodeId('bake'), position: { x: 900, y: 40 } }] });
    expect(moved.dirty).toBe(false);
    expect(defOf(moved)).toStrictEqual(pizzaWithSalad());
  });

  it('drawing an edge from box back to dough creates a cycle that the check reports', () => {
    const state = run(start(), { type: 'connect', from: 'box', to: 'dough' });
    expect(state.dirty).toBe(true);
    expect(depsOf(state, 'dough')).toEqual(['box']);
    const check = checkRecipe(defOf(state), { stationTypes: STATION_TYPES });
    expect(check.issues.map((i) => i.code)).toContain('CYCLE');
  });

  it('ignores a self-edge and a duplicate edge', () => {
    const s = start();
    expect(run(s, { type: 'connect', from: 'bake', to: 'bake' })).toBe(s);
    expect(run(s, { type: 'connect', from: 'topping', to: 'bake' })).toBe(s);
  });

  it('deleting a phase deletes its tasks and their edges, and unsets it as the deduct phase', () => {
    const state = run(start(), { type: 'removeNode', nodeId: phaseNodeId('prep') });
    const def = defOf(state);
    expect(def.phases.map((p) => p.id)).toEqual(['cook', 'pack']);
    expect(def.deduct_inventory_phase).toBeUndefined();
    expect(depsOf(state, 'bake')).toEqual([]);
    expect(depsOf(state, 'box')).toEqual(['bake']);
  });

  it('deleting an edge from the canvas removes that dependency only', () => {
    const state = run(start(), { type: 'edgesChange', changes: [{ type: 'remove', id: 'dep:salad->box' }] });
    expect(depsOf(state, 'box')).toEqual(['bake']);
    expect(state.dirty).toBe(true);
  });

  it('moves a task to another phase at the end of that phase, keeping its dependencies', () => {
    const state = run(start(), { type: 'moveTask', taskId: 'salad', phaseId: 'pack' });
    const def = defOf(state);
    expect(def.phases.find((p) => p.id === 'pack')?.tasks.map((t) => t.id)).toEqual(['box', 'salad']);
    expect(def.phases.find((p) => p.id === 'prep')?.tasks.map((t) => t.id)).toEqual(['dough', 'topping']);
    expect(depsOf(state, 'box')).toEqual(['bake', 'salad']);
  });

  it('adds tasks with fresh ids in the chosen phase and selects the new one', () => {
    const state = run(start(), { type: 'addTask', phaseId: 'cook', stationType: 'forno' }, { type: 'addTask', phaseId: 'cook', stationType: 'forno' });
    const cook = defOf(state).phases.find((p) => p.id === 'cook')!;
    expect(cook.tasks.map((t) => t.id)).toEqual(['bake', 'task_1', 'task_2']);
    expect(state.graph.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([taskNodeId('task_2')]);
  });

  it('adds an empty phase last, which the check flags until it gets a task', () => {
    const state = run(start(), { type: 'addPhase' });
    const def = defOf(state);
    expect(def.phases.at(-1)).toMatchObject({ id: 'phase_1', order: 4, tasks: [] });
    expect(checkRecipe(def).issues.map((i) => i.code)).toContain('EMPTY_PHASE');
  });

  it('moves a phase up by swapping phase order, not by rewriting ids', () => {
    const state = run(start(), { type: 'shiftPhase', phaseId: 'pack', by: -1 });
    const orders = Object.fromEntries(defOf(state).phases.map((p) => [p.id, p.order]));
    expect(orders).toEqual({ prep: 1, cook: 3, pack: 2 });
  });

  it('edits task fields and subtasks in place', () => {
    const state = run(start(), {
      type: 'updateTask',
      taskId: 'bake',
      patch: { name: 'Bake in wood oven', estimated_minutes: 6, subtasks: [{ id: 'sub_1', name: 'Turn', optional: true }] },
    });
    const bake = defOf(state).phases[1].tasks[0];
    expect(bake).toStrictEqual({
      id: 'bake',
      name: 'Bake in wood oven',
      station_type: 'forno',
      estimated_minutes: 6,
      depends_on: ['topping'],
      subtasks: [{ id: 'sub_1', name: 'Turn', optional: true }],
    });
  });

  it('auto-layout keeps every task inside its lane and never overlaps two tasks of one lane', () => {
    const state = run(start(), { type: 'addTask', phaseId: 'prep', stationType: 'forno' }, { type: 'layout' });
    expect(state.layoutVersion).toBe(1);
    const tasks = state.graph.nodes.filter(isTaskNode);
    for (const a of tasks) {
      const lane = state.graph.nodes.find((n) => n.id === a.parentId)!;
      expect(a.position.x + 210).toBeLessThanOrEqual(lane.width!);
      expect(a.position.y + 96).toBeLessThanOrEqual(lane.height!);
      for (const b of tasks) {
        if (a === b || a.parentId !== b.parentId) continue;
        const apart =
          a.position.x + 210 <= b.position.x || b.position.x + 210 <= a.position.x || a.position.y + 96 <= b.position.y || b.position.y + 96 <= a.position.y;
        expect(apart).toBe(true);
      }
    }
  });
});
