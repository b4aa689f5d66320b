import type { RecipeAnalysis, RecipeIssue } from '../../domain/recipe';
import type { ServiceOptions } from '../types';
import { compileForTenant } from './compile-for-tenant';

export interface ValidationResult {
  ok: boolean;
  /** Errors first, then warnings; empty when ok and clean. */
  issues: RecipeIssue[];
  analysis: RecipeAnalysis | null;
}

/** Dry run of the save-time validation, for the designer. No writes, no audit. */
export async function validateWorkflowDefinition({ db, input }: ServiceOptions<{ definition: unknown }>): Promise<ValidationResult> {
  const result = await compileForTenant(db, input.definition);
  if (!result.ok) return { ok: false, issues: result.issues, analysis: null };
  return { ok: true, issues: result.warnings, analysis: result.analysis };
}
