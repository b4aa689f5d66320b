// Public surface of the recipe DAG module; internal helpers (dag.ts, cycles.ts, issues.ts) stay private.
export type { WorkflowDefinition, PhaseDef, TaskDef, SubtaskDef, RecipeIssue, RecipeIssueCode, RecipeIssueSeverity } from './types';
export { definitionSchema, parseDefinition, formatPath, RECIPE_LIMITS, type ParseResult } from './schema';
export { taskIndex, findCycle, findCycles, topologicalOrder, type TaskEntry } from './graph';
export { validateDefinition, MAX_TASK_MINUTES, type ValidateOptions } from './validate';
export { analyzeRecipe, deductPhaseId, type RecipeAnalysis, type AnalyzeOptions } from './analysis';
export { compileRecipe, assertValidRecipe, MAX_RECIPE_MINUTES, RecipeValidationError, type CompileResult, type CompiledRecipe } from './compile';
