import { analyzeRecipe, type RecipeAnalysis } from './analysis';
import { parseDefinition } from './schema';
import type { RecipeIssue, WorkflowDefinition } from './types';
import { validateDefinition, type ValidateOptions } from './validate';

/**
 * The longest critical path a recipe may have: 30 days, the furthest ahead an order can be
 * scheduled, so any longer recipe could never be ready for any order (and 200 chained tasks of
 * 12 hours would also overflow the stored estimate, numeric(6,1) minutes).
 */
export const MAX_RECIPE_MINUTES = 30 * 24 * 60;

export interface CompiledRecipe {
  ok: true;
  definition: WorkflowDefinition;
  analysis: RecipeAnalysis;
  /** Non-blocking issues (ORPHAN_TASK) worth showing to whoever saved the recipe. */
  warnings: RecipeIssue[];
}

export type CompileResult = CompiledRecipe | { ok: false; issues: RecipeIssue[] };

/**
 * parse → validate → analyze. Only errors block; when blocked, warnings are still returned (after the
 * errors) so the designer can show the full picture in one pass.
 */
export function compileRecipe(input: unknown, opts: ValidateOptions = {}): CompileResult {
  const parsed = parseDefinition(input);
  if (!parsed.ok) return parsed;

  const issues = validateDefinition(parsed.definition, opts);
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity !== 'error');
  if (errors.length > 0) return { ok: false, issues: [...errors, ...warnings] };

  const analysis = analyzeRecipe(parsed.definition);
  if (analysis.totalMinutes > MAX_RECIPE_MINUTES) {
    const message = `Recipe takes ${analysis.totalMinutes} minutes along its critical path, but at most ${MAX_RECIPE_MINUTES} (30 days) are allowed`;
    return { ok: false, issues: [{ code: 'TOO_LONG', severity: 'error', message, path: analysis.criticalPath }, ...warnings] };
  }
  return { ok: true, definition: parsed.definition, analysis, warnings };
}

/** How many issue messages go into the Error message; the full list is always on `.issues`. */
const MESSAGE_ISSUES = 3;

export class RecipeValidationError extends Error {
  readonly issues: RecipeIssue[];

  constructor(issues: RecipeIssue[]) {
    const shown = issues.slice(0, MESSAGE_ISSUES).map((i) => i.message);
    const more = issues.length - shown.length;
    super([...shown, ...(more > 0 ? [`…and ${more} more`] : [])].join('; ') || 'Invalid recipe');
    this.name = 'RecipeValidationError';
    this.issues = issues;
  }
}

/** For callers that cannot proceed with a bad recipe (workflow start, seeding): throws instead of returning. */
export function assertValidRecipe(input: unknown, opts: ValidateOptions = {}): CompiledRecipe {
  const result = compileRecipe(input, opts);
  if (!result.ok) throw new RecipeValidationError(result.issues);
  return result;
}
