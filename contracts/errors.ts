/**
 * Brigade's one error vocabulary. Use cases throw AppError; each edge maps it: GraphQL to
 * `extensions.code` (api/graphql/yoga.ts), Temporal to a non-retryable ApplicationFailure whose
 * type is `reason ?? code` (activities/app-failure.ts), and the web app reads the same codes
 * (web/src/api/errors.ts). Pure: workflows and the web app import it too.
 *
 * - UNAUTHENTICATED — no/invalid/expired token, or wrong login credentials.
 * - FORBIDDEN       — authenticated, but the role lacks the permission.
 * - BAD_USER_INPUT  — validation failed; `details.fieldErrors` or `details.issues` say where.
 * - NOT_FOUND       — no such row *in the caller's tenant* (another tenant's id looks the same).
 * - CONFLICT        — a uniqueness rule or state rule forbids the change (duplicate name…).
 * - RATE_LIMITED    — too many requests or failed logins; `details.retryAfterSeconds` says when to
 *                     try again (HTTP edges answer 429 with a Retry-After header).
 * - UNAVAILABLE     — the kitchen (a workflow worker) cannot answer right now; the same request
 *                     may succeed in a moment, and nothing was lost (it is applied at most once).
 */
export const APP_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UNAVAILABLE'] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * The kitchen's business failures, each with the code a client sees. Activities and workflows
 * reject with these as ApplicationFailure types; temporal/kitchen-client.ts maps them back.
 */
export const FAILURE_CODES = {
  STATION_AT_CAPACITY: 'CONFLICT',
  STATION_NOT_SUITABLE: 'CONFLICT',
  INVALID_TRANSITION: 'CONFLICT',
  /** The item's pinned recipe version does not compile (corrupt data; retrying cannot help). */
  RECIPE_INVALID: 'CONFLICT',
  ORDER_CLOSED: 'CONFLICT',
  ITEM_CLOSED: 'CONFLICT',
  /** A Start taken back after its window (domain/kitchen/undo-start.ts) has passed. */
  UNDO_WINDOW_PASSED: 'CONFLICT',
  TASK_NOT_FOUND: 'NOT_FOUND',
  ITEM_NOT_FOUND: 'NOT_FOUND',
  ORDER_NOT_FOUND: 'NOT_FOUND',
  BAD_INPUT: 'BAD_USER_INPUT',
  /** The task's workflow did not answer in time (no worker polling, or one catching up after a restart). */
  KITCHEN_RECONNECTING: 'UNAVAILABLE',
} as const satisfies Record<string, AppErrorCode>;
export type FailureType = keyof typeof FAILURE_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;
  /** The finer business failure behind the code (e.g. STATION_AT_CAPACITY), when there is one. */
  readonly reason?: FailureType;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>, reason?: FailureType) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.reason = reason;
  }
}

/** A business failure of the kitchen, with its code from FAILURE_CODES. */
export function kitchenFailure(reason: FailureType, message: string): AppError {
  return new AppError(FAILURE_CODES[reason], message, undefined, reason);
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The client code for a failure type from an activity or workflow; null when it is not a business failure. */
export function codeOfFailure(type: string | null | undefined): AppErrorCode | null {
  if (!type) return null;
  if (type in FAILURE_CODES) return FAILURE_CODES[type as FailureType];
  return (APP_ERROR_CODES as readonly string[]).includes(type) ? (type as AppErrorCode) : null;
}

/** Too many attempts: try again in `retryAfterMs` (rounded up to whole seconds, at least 1). */
export function rateLimited(message: string, retryAfterMs: number): AppError {
  return new AppError('RATE_LIMITED', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
}

/** The message of anything thrown: an Error's own, otherwise its string form. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
