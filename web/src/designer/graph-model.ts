import type { PhaseDef, TaskDef, WorkflowDefinition } from '../../../domain/recipe';
import { isPhaseNode, isTaskNode, type DependencyEdge, type DesignerGraph, type DesignerNode, type PhaseNode, type TaskNode } from './types';

/*
 * Definition ⇄ React Flow graph, with no React in sight. Conversion keeps everything the definition
 * says (order of phases, tasks, dependencies and subtasks; unknown dependency ids) so that
 * graphToDefinition(definitionToGraph(d)) deep-equals d, and saving an untouched recipe is a no-op.
 * Node ids are prefixed because a phase and a task may share an id in the JSON.
 */

export const taskNodeId = (taskId: string) => `task:${taskId}`;
export const phaseNodeId = (phaseId: string) => `phase:${phaseId}`;
export const edgeId = (from: string, to: string) => `dep:${from}->${to}`;

export function dependencyEdge(from: string, to: string): DependencyEdge {
  return { id: edgeId(from, to), source: taskNodeId(from), target: taskNodeId(to), data: { from, to } };
}

export function definitionToGraph(def: WorkflowDefinition): DesignerGraph {
  const taskIds = new Set(def.phases.flatMap((p) => p.tasks.map((t) => t.id)));
  const nodes: DesignerNode[] = [];
  const edges: DependencyEdge[] = [];

  for (const phase of def.phases) {
    // React Flow wants a parent before its children in the array; that is also the definition's order.
    nodes.push(phaseNode(phase));
    for (const task of phase.tasks) {
      const { depends_on, ...fields } = task;
      nodes.push({
        id: taskNodeId(task.id),
        type: 'task',
        parentId: phaseNodeId(phase.id),
        position: { x: 0, y: 0 },
        data: { task: fields, missingDeps: depends_on.filter((d) => !taskIds.has(d)) },
      });
      for (const dep of depends_on) if (taskIds.has(dep)) edges.push(dependencyEdge(dep, task.id));
    }
  }

  const graph: DesignerGraph = { nodes, edges };
  if (def.deduct_inventory_phase !== undefined) graph.deductInventoryPhase = def.deduct_inventory_phase;
  return graph;
}

export function phaseNode(phase: Pick<PhaseDef, 'id' | 'name' | 'order'>): PhaseNode {
  return {
    id: phaseNodeId(phase.id),
    type: 'phase',
    position: { x: 0, y: 0 },
    data: { phase: { id: phase.id, name: phase.name, order: phase.order } },
    // Lanes are containers, not things you wire up; tasks inside them are.
    connectable: false,
  };
}

/** Edges are read in array order, so a task's depends_on keeps the order it was drawn in. */
export function graphToDefinition(graph: DesignerGraph): WorkflowDefinition {
  const depsOf = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const from = edge.data?.from ?? stripPrefix(edge.source);
    const to = edge.data?.to ?? stripPrefix(edge.target);
    depsOf.set(to, [...(depsOf.get(to) ?? []), from]);
  }

  const phases: PhaseDef[] = [];
  const byNodeId = new Map<string, PhaseDef>();
  for (const node of graph.nodes) {
    if (!isPhaseNode(node)) continue;
    const phase: PhaseDef = { ...node.data.phase, tasks: [] };
    phases.push(phase);
    byNodeId.set(node.id, phase);
  }
  for (const node of graph.nodes) {
    if (!isTaskNode(node)) continue;
    const phase = node.parentId ? byNodeId.get(node.parentId) : undefined;
    if (!phase) continue; // a task always lives in a lane; the editor never creates loose ones
    phase.tasks.push(toTaskDef(node, depsOf.get(node.data.task.id) ?? []));
  }

  const def: WorkflowDefinition = { phases };
  if (graph.deductInventoryPhase !== undefined) return { deduct_inventory_phase: graph.deductInventoryPhase, ...def };
  return def;
}

function toTaskDef(node: TaskNode, drawnDeps: string[]): TaskDef {
  const { id, name, station_type, estimated_minutes, subtasks, ...rest } = node.data.task;
  return {
    ...rest,
    id,
    name,
    station_type,
    estimated_minutes,
    depends_on: [...drawnDeps, ...node.data.missingDeps],
    subtasks: subtasks.map((s) => ({ ...s })),
  };
}

function stripPrefix(nodeId: string): string {
  return nodeId.slice(nodeId.indexOf(':') + 1);
}

/** The task id behind a node id, or null for phase nodes. */
export function taskIdOf(nodeId: string): string | null {
  return nodeId.startsWith('task:') ? nodeId.slice(5) : null;
}
