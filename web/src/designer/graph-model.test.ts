import fc from 'fast-check';
import { parseDefinition, type WorkflowDefinition } from '../../../domain/recipe';
import { dagArb } from '../../../domain/recipe/test-arbitraries';
import { pizzaJson } from '../../../domain/recipe/test-fixtures';
import { cyclic, pizzaWithSalad, task } from '../test-support/recipes';
import { definitionToGraph, edgeId, graphToDefinition, taskNodeId } from './graph-model';
import { layoutGraph } from './layout';
import { isPhaseNode, isTaskNode } from './types';

const roundTrip = (def: WorkflowDefinition) => graphToDefinition(definitionToGraph(def));

describe('designer graph model', () => {
  it('turns a definition into nodes and edges and back into the same definition', () => {
    const def = pizzaWithSalad();
    expect(roundTrip(def)).toStrictEqual(def);
  });

  it('round-trips the stored seed pizza once the schema has filled in its defaults', () => {
    const parsed = parseDefinition(pizzaJson);
    if (!parsed.ok) throw new Error('fixture must parse');
    expect(roundTrip(parsed.definition)).toStrictEqual(parsed.definition);
  });

  it('round-trips any random DAG, also after auto-layout has moved every node', () => {
    fc.assert(
      fc.property(dagArb, (def) => {
        expect(roundTrip(def)).toStrictEqual(def);
        expect(graphToDefinition(layoutGraph(definitionToGraph(def)))).toStrictEqual(def);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips a cyclic recipe too, so an invalid draft is never silently altered', () => {
    expect(roundTrip(cyclic())).toStrictEqual(cyclic());
  });

  it('draws an edge from A to B when B depends on A', () => {
    const { edges } = definitionToGraph(pizzaWithSalad());
    const box = edges.filter((e) => e.target === taskNodeId('box'));
    expect(box.map((e) => e.source)).toEqual([taskNodeId('bake'), taskNodeId('salad')]);
    expect(box[0].id).toBe(edgeId('bake', 'box'));
  });

  it('puts every task inside its phase lane, lanes first, in definition order', () => {
    const { nodes } = definitionToGraph(pizzaWithSalad());
    expect(nodes.map((n) => n.id)).toEqual(['phase:prep', 'task:dough', 'task:topping', 'task:salad', 'phase:cook', 'task:bake', 'phase:pack', 'task:box']);
    expect(nodes.filter(isTaskNode).find((n) => n.data.task.id === 'bake')?.parentId).toBe('phase:cook');
    expect(nodes.filter(isPhaseNode).every((n) => n.parentId === undefined)).toBe(true);
  });

  it('keeps dependencies on tasks that do not exist instead of dropping them', () => {
    const def: WorkflowDefinition = { phases: [{ id: 'p', name: 'P', order: 1, tasks: [task('a', 1), task('b', 1, ['a', 'ghost'])] }] };
    const graph = definitionToGraph(def);
    expect(graph.edges).toHaveLength(1);
    expect(graph.nodes.filter(isTaskNode).find((n) => n.data.task.id === 'b')?.data.missingDeps).toEqual(['ghost']);
    expect(graphToDefinition(graph)).toStrictEqual(def);
  });

  it('omits deduct_inventory_phase when the recipe does not set it', () => {
    const def = cyclic();
    expect('deduct_inventory_phase' in roundTrip(def)).toBe(false);
  });
});
