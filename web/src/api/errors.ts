import type { RecipeIssue } from '../../../domain/recipe';
import { APP_ERROR_CODES, errorMessage, type AppErrorCode, type FieldError } from '../../../contracts/errors';
import { i18n } from '../i18n/i18n';

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

/**
 * What to show a person, in the active language. The API writes its messages in English for
 * people: in English they are shown as they are; in another language the code's own sentence is
 * shown, followed by the API's detail where it names what to fix (a field, a conflict).
 */
export function describeError(error: unknown): string {
  const t = i18n.t;
  if (error instanceof ApiError) {
    if (error.code === 'NETWORK') return t('errors.network');
    if (error.code === 'UNAVAILABLE') return t('errors.unavailable');
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== null) return t('errors.rateLimited', { seconds: error.retryAfterSeconds });
    if (error.code === 'INTERNAL_SERVER_ERROR') return t('errors.server');
    if (error.code === 'BAD_REQUEST') return t('errors.badRequest', { message: error.message });
    if (i18n.language === 'en') return error.message;
    const said = t(`errors.${error.code}`);
    return error.code === 'BAD_USER_INPUT' || error.code === 'CONFLICT' ? `${said} (${error.message})` : said;
  }
  return errorMessage(error);
}
