import type { Edge, Node } from '@xyflow/react';
import type { RecipeIssueSeverity, TaskDef } from '../../../domain/recipe';

/** A task as the editor holds it: dependencies live on edges, not in the node. */
export type TaskFields = Omit<TaskDef, 'depends_on'>;

/** What validation and analysis say about one node; absent when there is nothing to say. */
export type NodeMark = {
  severity: RecipeIssueSeverity;
  messages: string[];
};

export type TaskNodeData = {
  task: TaskFields;
  /**
   * depends_on ids that name no task in the recipe. They cannot be drawn as edges but must not be
   * dropped silently either: validation reports them and the side panel offers to remove them.
   */
  missingDeps: string[];
  // Display-only, filled in per render by decorateGraph; never part of the definition.
  mark?: NodeMark;
  critical?: boolean;
  learnedMinutes?: number;
  /** Where learnedMinutes came from, in words. */
  learnedNote?: string;
  earliestStart?: number;
};

export type PhaseNodeData = {
  phase: { id: string; name: string; order: number };
  mark?: NodeMark;
  deductsInventory?: boolean;
};

export type TaskNode = Node<TaskNodeData, 'task'>;
export type PhaseNode = Node<PhaseNodeData, 'phase'>;
export type DesignerNode = TaskNode | PhaseNode;

/** An edge from A to B means B depends on A: A must finish before B starts. */
export type DependencyEdge = Edge<{ from: string; to: string }>;

export interface DesignerGraph {
  nodes: DesignerNode[];
  edges: DependencyEdge[];
  /** Recipe setting that is not drawn: which phase's first task start deducts inventory. */
  deductInventoryPhase?: string;
}

export const isTaskNode = (n: DesignerNode): n is TaskNode => n.type === 'task';
export const isPhaseNode = (n: DesignerNode): n is PhaseNode => n.type === 'phase';
