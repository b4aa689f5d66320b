import type { RecipeIssue } from '../../../domain/recipe';
import { APP_ERROR_CODES, errorMessage, type AppErrorCode, type FieldError } from '../../../contracts/errors';

/** The codes the API documents (contracts/errors.ts); anything else is treated as a server fault. */
export type ApiErrorCode =
  | AppErrorCode
  | 'INTERNAL_SERVER_ERROR'
  /** The server rejected the query itself (parse/validation): app and API versions disagree. */
  | 'BAD_REQUEST'
  | 'NETWORK';

/**
 * One error type for every failed request, so screens can say *why* (extensions.code) and forms
 * can point at fields (fieldErrors) or recipe nodes (issues) without parsing messages.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly fieldErrors: FieldError[];
  /** The input field the error is about, when the server names one (a CONFLICT on `name`, `unit`…). */
  readonly field: string | null;
  readonly issues: RecipeIssue[];
  /** RATE_LIMITED: whole seconds until the server takes the request again (contracts/errors.ts rateLimited). */
  readonly retryAfterSeconds: number | null;

  constructor(message: string, code: ApiErrorCode, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fieldErrors = Array.isArray(extensions.fieldErrors) ? (extensions.fieldErrors as FieldError[]) : [];
    this.field = typeof extensions.field === 'string' ? extensions.field : null;
    this.issues = Array.isArray(extensions.issues) ? (extensions.issues as RecipeIssue[]) : [];
    this.retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : null;
  }
}

const KNOWN = new Set<string>(APP_ERROR_CODES);
const QUERY_REJECTED = new Set<string>(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);

export function toApiError(error: { message: string; extensions?: Record<string, unknown> }): ApiError {
  const raw = error.extensions?.code;
  const code: ApiErrorCode =
    typeof raw === 'string' && KNOWN.has(raw)
      ? (raw as ApiErrorCode)
      : typeof raw === 'string' && QUERY_REJECTED.has(raw)
        ? 'BAD_REQUEST'
        : 'INTERNAL_SERVER_ERROR';
  return new ApiError(error.message, code, error.extensions ?? {});
}

/** Errors a retry cannot fix: the same request will get the same answer. */
export function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && error.code !== 'NETWORK' && error.code !== 'INTERNAL_SERVER_ERROR' && error.code !== 'UNAVAILABLE';
}

/** The kitchen (its worker) is restarting: nothing is lost, the same tap works again in a moment. */
export function isReconnecting(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAVAILABLE';
}

/** What to show a person: API messages are written for people; network failures get a plain sentence. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return 'Cannot reach the server. Check the connection and try again.';
    if (error.code === 'UNAVAILABLE') return 'Kitchen reconnecting — try again.';
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== null) return `Too many attempts — try again in ${error.retryAfterSeconds} s`;
    if (error.code === 'INTERNAL_SERVER_ERROR') return 'The server could not complete the request. Try again in a moment.';
    if (error.code === 'BAD_REQUEST')
      return `This screen and the server disagree about the API (${error.message}). Reload the page; if it persists, the server needs updating.`;
    return error.message;
  }
  return errorMessage(error);
}
