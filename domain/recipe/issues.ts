import type { RecipeIssue } from './types';

// Everything except ORPHAN_TASK is an error, so the common case should not have to spell it out.
export const error = (issue: Omit<RecipeIssue, 'severity'>): RecipeIssue => ({ severity: 'error', ...issue });
export const quoteAll = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
