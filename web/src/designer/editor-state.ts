import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { dependencyEdge, edgeId, phaseNodeId, taskNodeId } from './graph-model';
import { fitLane, layoutGraph, nextSlotInLane } from './layout';
import { isPhaseNode, isTaskNode, type DependencyEdge, type DesignerGraph, type DesignerNode, type TaskFields } from './types';
import { addPhase, insertTask, moveTask, removeNodes, shiftPhase, uniqueId } from './editor-structure';

export interface EditorState {
  graph: DesignerGraph;
  /** The definition differs from the last saved draft. Moving nodes around does not count. */
  dirty: boolean;
  /** Bumped by auto-layout so the canvas can fit the new drawing into view. */
  layoutVersion: number;
}

export type EditorAction =
  | { type: 'load'; graph: DesignerGraph }
  /** Replaces the drawing with an older version's recipe, as unsaved changes. */
  | { type: 'restore'; graph: DesignerGraph }
  | { type: 'saved' }
  | { type: 'nodesChange'; changes: NodeChange<DesignerNode>[] }
  | { type: 'edgesChange'; changes: EdgeChange<DependencyEdge>[] }
  | { type: 'connect'; from: string; to: string }
  | { type: 'removeDependency'; from: string; to: string }
  | { type: 'removeMissingDependency'; taskId: string; dep: string }
  | { type: 'updateTask'; taskId: string; patch: Partial<Omit<TaskFields, 'id'>> }
  | { type: 'moveTask'; taskId: string; phaseId: string }
  | { type: 'addTask'; phaseId: string; stationType: string }
  | { type: 'addPhase' }
  | { type: 'renamePhase'; phaseId: string; name: string }
  | { type: 'shiftPhase'; phaseId: string; by: -1 | 1 }
  | { type: 'removeNode'; nodeId: string }
  | { type: 'setDeductPhase'; phaseId: string | undefined }
  | { type: 'layout' }
  | { type: 'select'; nodeId: string | null };

export function initialEditorState(graph: DesignerGraph): EditorState {
  return { graph: layoutGraph(graph), dirty: false, layoutVersion: 0 };
}

/** Every edit is a pure step from one graph to the next, so the rules are testable without a canvas. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { graph } = state;
  const edit = (next: Partial<DesignerGraph>): EditorState => ({ ...state, graph: { ...graph, ...next }, dirty: true });

  switch (action.type) {
    case 'load':
      return initialEditorState(action.graph);
    case 'restore':
      return { ...initialEditorState(action.graph), dirty: true, layoutVersion: state.layoutVersion + 1 };
    case 'saved':
      return { ...state, dirty: false };
    case 'nodesChange': {
      const removed = new Set(action.changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
      const nodes = applyNodeChanges(action.changes, graph.nodes);
      if (removed.size === 0) return { ...state, graph: { ...graph, nodes } };
      return { ...state, graph: removeNodes({ ...graph, nodes }, removed), dirty: true };
    }
    case 'edgesChange': {
      const changesDefinition = action.changes.some((c) => c.type === 'remove' || c.type === 'add' || c.type === 'replace');
      const next = { ...state, graph: { ...graph, edges: applyEdgeChanges(action.changes, graph.edges) } };
      return changesDefinition ? { ...next, dirty: true } : next;
    }
    case 'connect': {
      const { from, to } = action;
      // A self-edge can never be valid; a cycle can, briefly, while the manager rewires, so it is allowed and marked.
      if (from === to || graph.edges.some((e) => e.id === edgeId(from, to))) return state;
      return edit({ edges: [...graph.edges, dependencyEdge(from, to)] });
    }
    case 'removeDependency':
      return edit({ edges: graph.edges.filter((e) => e.id !== edgeId(action.from, action.to)) });
    case 'removeMissingDependency':
      return edit({
        nodes: graph.nodes.map((n) =>
          isTaskNode(n) && n.data.task.id === action.taskId
            ? { ...n, data: { ...n.data, missingDeps: n.data.missingDeps.filter((d) => d !== action.dep) } }
            : n,
        ),
      });
    case 'updateTask':
      return edit({
        nodes: graph.nodes.map((n) =>
          isTaskNode(n) && n.data.task.id === action.taskId ? { ...n, data: { ...n.data, task: { ...n.data.task, ...action.patch } } } : n,
        ),
      });
    case 'moveTask':
      return edit({ nodes: moveTask(graph.nodes, taskNodeId(action.taskId), phaseNodeId(action.phaseId)) });
    case 'addTask': {
      const laneId = phaseNodeId(action.phaseId);
      const id = uniqueId(
        'task',
        graph.nodes.filter(isTaskNode).map((n) => n.data.task.id),
      );
      const task: TaskFields = { id, name: 'New task', station_type: action.stationType, estimated_minutes: 5, subtasks: [] };
      const node = {
        id: taskNodeId(id),
        type: 'task' as const,
        parentId: laneId,
        position: nextSlotInLane(graph.nodes, laneId),
        data: { task, missingDeps: [] },
        selected: true,
      };
      return edit({ nodes: fitLane(insertTask(deselectAll(graph.nodes), node), laneId) });
    }
    case 'addPhase':
      return edit({ nodes: addPhase(deselectAll(graph.nodes)) });
    case 'renamePhase':
      return edit({
        nodes: graph.nodes.map((n) =>
          isPhaseNode(n) && n.data.phase.id === action.phaseId ? { ...n, data: { ...n.data, phase: { ...n.data.phase, name: action.name } } } : n,
        ),
      });
    case 'shiftPhase': {
      const nodes = shiftPhase(graph.nodes, phaseNodeId(action.phaseId), action.by);
      if (nodes === graph.nodes) return state;
      return { graph: layoutGraph({ ...graph, nodes }), dirty: true, layoutVersion: state.layoutVersion + 1 };
    }
    case 'removeNode':
      return { ...state, graph: removeNodes(graph, new Set([action.nodeId])), dirty: true };
    case 'setDeductPhase':
      return edit({ deductInventoryPhase: action.phaseId });
    case 'layout':
      return { ...state, graph: layoutGraph(graph), layoutVersion: state.layoutVersion + 1 };
    case 'select':
      return {
        ...state,
        graph: {
          ...graph,
          nodes: graph.nodes.map((n) => ({ ...n, selected: n.id === action.nodeId })),
          edges: graph.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        },
      };
  }
}

function deselectAll(nodes: DesignerNode[]): DesignerNode[] {
  return nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
}
