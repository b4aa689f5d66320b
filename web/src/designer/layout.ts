import dagre from '@dagrejs/dagre';
import { isPhaseNode, isTaskNode, type DesignerGraph, type DesignerNode, type PhaseNode, type TaskNode } from './types';

export const TASK_WIDTH = 210;
export const TASK_HEIGHT = 96;
/** Room on the left of each lane for its name. */
export const LANE_LABEL_WIDTH = 150;
const LANE_PAD = 18;
const ROW_GAP = 18;
const COL_GAP = 28;
const LANE_GAP = 14;
const MIN_LANE_WIDTH = 640;

const sizeOf = (n: TaskNode) => ({
  width: n.measured?.width ?? TASK_WIDTH,
  height: n.measured?.height ?? TASK_HEIGHT,
});

/**
 * Left→right swimlanes: dagre ranks the whole task graph (dependencies cross phases, so phases cannot
 * be laid out one by one), which fixes each task's x; then each phase becomes a horizontal lane and its
 * tasks are packed into rows so none overlap. Lanes stack top→bottom in phase order. Pure: returns a
 * new graph with positions and lane sizes, nodes in the same array order.
 */
export function layoutGraph(graph: DesignerGraph): DesignerGraph {
  const tasks = graph.nodes.filter(isTaskNode);
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: ROW_GAP, ranksep: COL_GAP * 2 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const t of tasks) g.setNode(t.id, sizeOf(t));
  for (const e of graph.edges) if (e.source !== e.target && g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);

  const placed = new Map(
    tasks.map((t) => {
      const { x, y } = g.node(t.id);
      const { width, height } = sizeOf(t);
      return [t.id, { left: x - width / 2, top: y - height / 2, width, height }] as const;
    }),
  );
  const minLeft = Math.min(0, ...[...placed.values()].map((p) => p.left));

  const lanes = sortedLanes(graph.nodes);
  const positions = new Map<string, { x: number; y: number }>();
  const laneHeights = new Map<string, number>();
  let contentWidth = 0;
  for (const lane of lanes) {
    const members = tasks.filter((t) => t.parentId === lane.id).sort((a, b) => placed.get(a.id)!.top - placed.get(b.id)!.top);
    const rowsRight: number[] = [];
    const rowsTop: number[] = [];
    let bottom = LANE_PAD;
    for (const t of members) {
      const p = placed.get(t.id)!;
      const left = p.left - minLeft;
      let row = rowsRight.findIndex((right) => right + COL_GAP <= left);
      if (row === -1) {
        row = rowsRight.length;
        rowsTop.push(bottom);
        rowsRight.push(-Infinity);
      }
      rowsRight[row] = left + p.width;
      positions.set(t.id, { x: LANE_LABEL_WIDTH + left, y: rowsTop[row] });
      bottom = Math.max(bottom, rowsTop[row] + p.height + ROW_GAP);
      contentWidth = Math.max(contentWidth, left + p.width);
    }
    laneHeights.set(lane.id, Math.max(bottom - ROW_GAP + LANE_PAD, TASK_HEIGHT + 2 * LANE_PAD));
  }

  const laneWidth = Math.max(MIN_LANE_WIDTH, LANE_LABEL_WIDTH + contentWidth + 2 * LANE_PAD);
  let y = 0;
  for (const lane of lanes) {
    positions.set(lane.id, { x: 0, y });
    y += laneHeights.get(lane.id)! + LANE_GAP;
  }

  const nodes = graph.nodes.map((n): DesignerNode => {
    const position = positions.get(n.id) ?? n.position;
    if (isPhaseNode(n)) return { ...n, position, width: laneWidth, height: laneHeights.get(n.id) };
    return { ...n, position };
  });
  return { ...graph, nodes };
}

/** Lanes in phase order; equal orders keep array order, exactly like the domain module ranks them. */
export function sortedLanes(nodes: DesignerNode[]): PhaseNode[] {
  return nodes
    .filter(isPhaseNode)
    .map((lane, index) => ({ lane, index }))
    .sort((a, b) => a.lane.data.phase.order - b.lane.data.phase.order || a.index - b.index)
    .map((l) => l.lane);
}

/** Where a newly added task goes: the first free spot at the right end of its lane. */
export function nextSlotInLane(nodes: DesignerNode[], laneId: string): { x: number; y: number } {
  const members = nodes.filter((n): n is TaskNode => isTaskNode(n) && n.parentId === laneId);
  const right = Math.max(LANE_LABEL_WIDTH - COL_GAP, ...members.map((m) => m.position.x + sizeOf(m).width));
  return { x: right + COL_GAP, y: LANE_PAD };
}

/** Grows a lane so that all its tasks fit (after an add or a move); never shrinks it. */
export function fitLane(nodes: DesignerNode[], laneId: string): DesignerNode[] {
  const members = nodes.filter((n): n is TaskNode => isTaskNode(n) && n.parentId === laneId);
  const width = Math.max(MIN_LANE_WIDTH, ...members.map((m) => m.position.x + sizeOf(m).width + LANE_PAD));
  const height = Math.max(TASK_HEIGHT + 2 * LANE_PAD, ...members.map((m) => m.position.y + sizeOf(m).height + LANE_PAD));
  return nodes.map((n) => (n.id === laneId && isPhaseNode(n) ? { ...n, width: Math.max(n.width ?? 0, width), height: Math.max(n.height ?? 0, height) } : n));
}
