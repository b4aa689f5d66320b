import type { ZodError } from 'zod';
import { AppError, type FieldError } from '../contracts/errors';

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
