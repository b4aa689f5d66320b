import { phaseNode, phaseNodeId } from './graph-model';
import { fitLane, nextSlotInLane, sortedLanes } from './layout';
import { isPhaseNode, isTaskNode, type DesignerGraph, type DesignerNode, type TaskNode } from './types';

// Structural edits on the node array (split from editor-state.ts). The array order is meaningful:
// a lane comes before its tasks, and tasks are in the order the definition lists them.

/** `task_1`, `task_2`, …: the first one not taken. Ids stay stable once made; durations are learned per id. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}_${n}`)) return `${prefix}_${n}`;
}

/** Inserts a task as the last one of its lane (right after the lane's current last task). */
export function insertTask(nodes: DesignerNode[], task: TaskNode): DesignerNode[] {
  const laneIndex = nodes.findIndex((n) => n.id === task.parentId);
  let at = laneIndex + 1;
  for (let i = laneIndex + 1; i < nodes.length; i++) if (nodes[i].parentId === task.parentId) at = i + 1;
  return [...nodes.slice(0, at), task, ...nodes.slice(at)];
}

/** Moves a task into another lane, at its end, keeping the node where the definition expects it. */
export function moveTask(nodes: DesignerNode[], taskNodeId: string, laneId: string): DesignerNode[] {
  const node = nodes.find((n): n is TaskNode => n.id === taskNodeId && isTaskNode(n));
  if (!node || node.parentId === laneId || !nodes.some((n) => n.id === laneId)) return nodes;
  const rest = nodes.filter((n) => n.id !== taskNodeId);
  const moved: TaskNode = { ...node, parentId: laneId, position: nextSlotInLane(rest, laneId) };
  return fitLane(insertTask(rest, moved), laneId);
}

/** A new lane below the others, last in phase order, selected so its panel opens. */
export function addPhase(nodes: DesignerNode[]): DesignerNode[] {
  const lanes = sortedLanes(nodes);
  const id = uniqueId(
    'phase',
    lanes.map((l) => l.data.phase.id),
  );
  const order = Math.max(0, ...lanes.map((l) => l.data.phase.order)) + 1;
  const y = Math.max(0, ...lanes.map((l) => l.position.y + (l.height ?? 0) + 14));
  const width = Math.max(0, ...lanes.map((l) => l.width ?? 0));
  const lane = { ...phaseNode({ id, name: `Phase ${lanes.length + 1}`, order }), position: { x: 0, y }, width, selected: true };
  return fitLane([...nodes, lane], phaseNodeId(id));
}

/** Removing a lane removes its tasks; removing a task removes its edges; a removed deduct phase is unset. */
export function removeNodes(graph: DesignerGraph, ids: Set<string>): DesignerGraph {
  for (const n of graph.nodes) if (n.parentId && ids.has(n.parentId)) ids.add(n.id);
  const nodes = graph.nodes.filter((n) => !ids.has(n.id));
  const edges = graph.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
  const next: DesignerGraph = { ...graph, nodes, edges };
  const deduct = graph.deductInventoryPhase;
  if (deduct !== undefined && ids.has(phaseNodeId(deduct))) delete next.deductInventoryPhase;
  return next;
}

/** Swaps a lane with its neighbour in display order by swapping their `order` values. */
export function shiftPhase(nodes: DesignerNode[], laneId: string, by: -1 | 1): DesignerNode[] {
  const lanes = sortedLanes(nodes);
  const i = lanes.findIndex((l) => l.id === laneId);
  const j = i + by;
  if (i < 0 || j < 0 || j >= lanes.length) return nodes;
  const reordered = [...lanes];
  [reordered[i], reordered[j]] = [reordered[j], reordered[i]];
  // Equal orders would make the swap invisible (ties keep array order), so those get renumbered 1..n.
  const orders = lanes.map((l) => l.data.phase.order);
  const distinct = new Set(orders).size === orders.length;
  const orderOf = new Map(reordered.map((l, k) => [l.id, distinct ? orders[k] : k + 1]));
  return nodes.map((n) => (isPhaseNode(n) ? { ...n, data: { ...n.data, phase: { ...n.data.phase, order: orderOf.get(n.id)! } } } : n));
}
