import {
  analyzeRecipe,
  compileRecipe,
  parseDefinition,
  type RecipeAnalysis,
  type RecipeIssue,
  type RecipeIssueCode,
  type WorkflowDefinition,
} from '../../../domain/recipe';
import { edgeId, phaseNodeId, taskNodeId } from './graph-model';
import type { NodeMark } from './types';

export interface RecipeCheck {
  /** Errors first, then warnings, as the domain module returns them. */
  issues: RecipeIssue[];
  errorCount: number;
  warningCount: number;
  /** Null when the recipe cannot be scheduled (cycle, bad minutes…). */
  analysis: RecipeAnalysis | null;
  /** Critical-path length using learned averages where known; null without learned data. */
  learnedTotalMinutes: number | null;
  nodeMarks: Map<string, NodeMark>;
  /** Edge id → why it is marked. Only edges that exist in the drawing can be marked. */
  edgeMarks: Map<string, 'cycle' | 'error'>;
  criticalNodes: Set<string>;
  criticalEdges: Set<string>;
}

export interface CheckOptions {
  /** The tenant's station task types; undefined while they load (the check is then skipped). */
  stationTypes?: readonly string[];
  /** Learned per-unit minutes per task id, when the API learned any (use-learned-minutes.ts). */
  learnedMinutes?: Record<string, number>;
}

/**
 * Errors that still leave a schedulable graph: the critical path stays visible while the manager
 * fixes, say, a station type, instead of flickering away on every keystroke.
 */
const SCHEDULABLE_DESPITE: ReadonlySet<RecipeIssueCode> = new Set(['UNKNOWN_STATION_TYPE', 'UNKNOWN_DEDUCT_PHASE', 'DUPLICATE_SUBTASK', 'EMPTY_PHASE']);

/**
 * Runs the server's own recipe compiler (domain/recipe) on the edited definition and turns its
 * answer into what the canvas draws: which nodes and edges to mark, and the critical path.
 */
export function checkRecipe(def: WorkflowDefinition, opts: CheckOptions = {}): RecipeCheck {
  const result = compileRecipe(def, { stationTypes: opts.stationTypes });
  const issues = result.ok ? result.warnings : result.issues;
  const analysis = result.ok ? result.analysis : analyzeDespite(def, result.issues);

  const check: RecipeCheck = {
    issues,
    errorCount: issues.filter((i) => i.severity === 'error').length,
    warningCount: issues.filter((i) => i.severity === 'warning').length,
    analysis,
    learnedTotalMinutes: null,
    nodeMarks: new Map(),
    edgeMarks: new Map(),
    criticalNodes: new Set(),
    criticalEdges: new Set(),
  };
  for (const issue of issues) markIssue(check, issue);

  if (analysis) {
    const path = analysis.criticalPath;
    path.forEach((id, i) => {
      check.criticalNodes.add(taskNodeId(id));
      if (i > 0) check.criticalEdges.add(edgeId(path[i - 1], id));
    });
    if (opts.learnedMinutes && Object.keys(opts.learnedMinutes).length > 0) {
      check.learnedTotalMinutes = analyzeRecipe(def, { durations: opts.learnedMinutes }).totalMinutes;
    }
  }
  return check;
}

function analyzeDespite(def: WorkflowDefinition, issues: RecipeIssue[]): RecipeAnalysis | null {
  const blocking = issues.some((i) => i.severity === 'error' && !SCHEDULABLE_DESPITE.has(i.code));
  if (blocking) return null;
  const parsed = parseDefinition(def);
  return parsed.ok ? analyzeRecipe(parsed.definition) : null;
}

function markIssue(check: RecipeCheck, issue: RecipeIssue): void {
  const mark = (nodeId: string) => {
    const prev = check.nodeMarks.get(nodeId);
    check.nodeMarks.set(nodeId, {
      severity: prev?.severity === 'error' || issue.severity === 'error' ? 'error' : 'warning',
      messages: [...(prev?.messages ?? []), issue.message],
    });
  };

  if (issue.code === 'CYCLE' && issue.path) {
    // path is [a, b, …, a] in execution direction: every consecutive pair is a drawn edge.
    const cycle = issue.path;
    for (let i = 0; i < cycle.length - 1; i++) {
      if (i === 0 || cycle[i] !== cycle[0]) mark(taskNodeId(cycle[i]));
      check.edgeMarks.set(edgeId(cycle[i], cycle[i + 1]), 'cycle');
    }
    return;
  }
  if (issue.code === 'SELF_DEPENDENCY' && issue.edge) check.edgeMarks.set(edgeId(issue.edge.from, issue.edge.to), 'cycle');

  // The deduct phase issue names a phase that does not exist, so there is no node to mark.
  if (issue.taskId) mark(taskNodeId(issue.taskId));
  else if (issue.phaseId && issue.code !== 'UNKNOWN_DEDUCT_PHASE') mark(phaseNodeId(issue.phaseId));
}

/** Issues not shown on any node (e.g. the deduct phase), so the panel can list them under settings. */
export function isGeneralIssue(issue: RecipeIssue): boolean {
  return !issue.taskId && (!issue.phaseId || issue.code === 'UNKNOWN_DEDUCT_PHASE');
}
