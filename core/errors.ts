import { GraphQLError } from 'graphql';
import type { ZodError } from 'zod';

/**
 * The only error type the API throws on purpose. The code becomes `extensions.code`; Yoga masks
 * every other error as INTERNAL_SERVER_ERROR, so a stack trace or SQL message never reaches a client.
 *
 * - UNAUTHENTICATED — no/invalid/expired token, or wrong login credentials.
 * - FORBIDDEN       — authenticated, but the role lacks the permission.
 * - BAD_USER_INPUT  — validation failed; `details.fieldErrors` or `details.issues` say where.
 * - NOT_FOUND       — no such row *in the caller's tenant* (another tenant's id looks the same).
 * - CONFLICT        — a uniqueness rule or state rule forbids the change (duplicate name…).
 */
export const APP_ERROR_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends GraphQLError {
  readonly code: AppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ?? {}) } });
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Zod failure → BAD_USER_INPUT naming each offending field, e.g. `capacity: Too big`. */
export function fromZodError(err: ZodError, prefix = 'Invalid input'): AppError {
  const fieldErrors: FieldError[] = err.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(root)',
    message: i.message,
  }));
  const summary = fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', `${prefix}: ${summary}`, { fieldErrors });
}

/** Prisma's unique violation; services translate it into CONFLICT with a human message. */
export function isUniqueViolation(err: unknown): boolean {
  // P2002 from Prisma, 23505 (unique_violation) from a statement sent straight through pg.
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === 'P2002' || code === '23505';
}

/** Prisma's "record to update/delete not found" — with the tenant scope, also another tenant's row. */
export function isRecordNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2025';
}
