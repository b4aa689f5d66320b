import type { NodeTypes } from '@xyflow/react';
import PhaseLaneView from './nodes/PhaseLaneView';
import TaskNodeView from './nodes/TaskNodeView';

/** Module-level constant: a new object per render would make React Flow remount every node. */
export const nodeTypes = { task: TaskNodeView, phase: PhaseLaneView } satisfies NodeTypes;
