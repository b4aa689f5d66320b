/**
 * Recipe DAG types. Field names stay snake_case because they mirror the stored seed/spec JSON
 * one-to-one: converting would force every consumer (workflow, API, designer) to agree on a mapping.
 *
 * This folder must stay framework-free: it runs inside the Temporal workflow sandbox, the API server
 * and the browser, so only pure TypeScript (plus zod for shape parsing) is allowed here.
 */

export interface SubtaskDef {
  id: string;
  name: string;
  optional: boolean;
}

export interface TaskDef {
  id: string;
  name: string;
  station_type: string;
  estimated_minutes: number;
  /** Ids of tasks (in any phase) that must finish before this one can start. */
  depends_on: string[];
  subtasks: SubtaskDef[];
}

export interface PhaseDef {
  id: string;
  name: string;
  /** Display/tie-break ordering; it does NOT constrain execution — only depends_on does. */
  order: number;
  tasks: TaskDef[];
}

export interface WorkflowDefinition {
  /** Phase whose first task start deducts inventory; when absent, the first phase by `order`. */
  deduct_inventory_phase?: string;
  phases: PhaseDef[];
}

export type RecipeIssueCode =
  | 'SHAPE'
  | 'NO_PHASES'
  | 'EMPTY_PHASE'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_DEPENDENCY'
  | 'SELF_DEPENDENCY'
  | 'CYCLE'
  | 'UNKNOWN_STATION_TYPE'
  | 'INVALID_MINUTES'
  | 'TOO_MANY_TASKS'
  | 'TOO_LONG'
  | 'DUPLICATE_SUBTASK'
  | 'UNKNOWN_DEDUCT_PHASE'
  | 'ORPHAN_TASK';

export type RecipeIssueSeverity = 'error' | 'warning';

export interface RecipeIssue {
  code: RecipeIssueCode;
  /** Only errors block compilation; warnings (ORPHAN_TASK) are surfaced to the designer. */
  severity: RecipeIssueSeverity;
  message: string;
  taskId?: string;
  phaseId?: string;
  /** SHAPE: JSON path segments of the bad value. CYCLE: the cycle's task ids, first id repeated last. TOO_LONG: the critical path. */
  path?: string[];
  /**
   * Dependency edge in execution direction: `from` must finish before `to` starts
   * (i.e. `to.depends_on` contains `from`).
   */
  edge?: { from: string; to: string };
}
