import { MarkerType } from '@xyflow/react';
import type { RecipeCheck } from './recipe-check';
import { sortedLanes } from './layout';
import { isTaskNode, type DependencyEdge, type DesignerGraph, type DesignerNode } from './types';

/**
 * Adds what the check found to the nodes and edges React Flow draws. Display-only: the editor's
 * state keeps plain nodes (with their measured sizes), and these copies are rebuilt when the graph or
 * the check changes. Marks are also exposed as data-* attributes via className for tests and CSS.
 */
export function decorateGraph(
  graph: DesignerGraph,
  check: RecipeCheck,
  learnedMinutes?: Record<string, number>,
  learnedNotes?: Record<string, string>,
): { nodes: DesignerNode[]; edges: DependencyEdge[] } {
  const deductLane = graph.deductInventoryPhase ?? sortedLanes(graph.nodes)[0]?.data.phase.id;

  const nodes = graph.nodes.map((node): DesignerNode => {
    const mark = check.nodeMarks.get(node.id);
    if (isTaskNode(node)) {
      const critical = check.criticalNodes.has(node.id);
      const taskId = node.data.task.id;
      return {
        ...node,
        className: classes('task-node', mark && `is-${mark.severity}`, critical && 'is-critical'),
        data: {
          ...node.data,
          mark,
          critical,
          learnedMinutes: learnedMinutes?.[taskId],
          learnedNote: learnedNotes?.[taskId],
          earliestStart: check.analysis?.earliestStart[taskId],
        },
      };
    }
    return {
      ...node,
      className: classes('phase-node', mark && `is-${mark.severity}`),
      data: { ...node.data, mark, deductsInventory: node.data.phase.id === deductLane },
    };
  });

  const edges = graph.edges.map((edge): DependencyEdge => {
    const issue = check.edgeMarks.get(edge.id);
    const critical = check.criticalEdges.has(edge.id);
    return {
      ...edge,
      className: classes('dep-edge', issue && `is-${issue}`, critical && 'is-critical'),
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      // Above the lanes, or edges between tasks in different lanes would hide behind them.
      zIndex: 1,
      ariaLabel: `${edge.data?.from ?? edge.source} before ${edge.data?.to ?? edge.target}${issue ? ' (in a cycle)' : ''}`,
    };
  });
  return { nodes, edges };
}

function classes(...names: Array<string | false | undefined>): string {
  return names.filter(Boolean).join(' ');
}
