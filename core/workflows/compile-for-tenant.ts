import { compileRecipe, type CompileResult, type CompiledRecipe, type RecipeIssue } from '../../domain/recipe';
import { AppError } from '../../contracts/errors';
import type { TenantTx } from '../types';

/**
 * Station types a recipe may use: those of the tenant's *active* stations. A recipe whose task
 * needs a type no active station offers could never be cooked, so it is rejected on save.
 */
export async function tenantStationTypes(db: Pick<TenantTx, 'station'>): Promise<string[]> {
  const stations = await db.station.findMany({ where: { isActive: true }, select: { taskTypes: true } });
  return [...new Set(stations.flatMap((s) => s.taskTypes))].sort();
}

export async function compileForTenant(db: Pick<TenantTx, 'station'>, definition: unknown): Promise<CompileResult> {
  return compileRecipe(definition, { stationTypes: await tenantStationTypes(db) });
}

const SHOWN_ISSUES = 3;

/** BAD_USER_INPUT whose message names the offending tasks; extensions carry every issue for the designer. */
export function invalidRecipe(issues: RecipeIssue[]): AppError {
  const errors = issues.filter((i) => i.severity === 'error');
  const shown = errors.slice(0, SHOWN_ISSUES).map((i) => i.message);
  const more = errors.length > SHOWN_ISSUES ? ` …and ${errors.length - SHOWN_ISSUES} more` : '';
  return new AppError('BAD_USER_INPUT', `Invalid recipe: ${shown.join('; ')}${more}`, { issues });
}

export async function compileOrThrow(db: Pick<TenantTx, 'station'>, definition: unknown): Promise<CompiledRecipe> {
  const result = await compileForTenant(db, definition);
  if (!result.ok) throw invalidRecipe(result.issues);
  return result;
}
