import type { ZodError } from 'zod';
import { AppError, type FieldError } from '../contracts/errors';

/** Zod failure → BAD_USER_INPUT naming each offending field, e.g. `capacity: Too big`. */
export function fromZodError(err: ZodError, prefix = 'Invalid input'): AppError {
  return badInput(
    err.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message })),
    prefix,
  );
}

/**
 * BAD_USER_INPUT for these field problems: the message lists them, `fieldErrors` carries them
 * all and `field` names the first, so a form can focus it (`field: 'customerPhone'`).
 */
export function badInput(fieldErrors: FieldError[], prefix = 'Invalid input'): AppError {
  const summary = fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new AppError('BAD_USER_INPUT', `${prefix}: ${summary}`, { field: fieldErrors[0]?.path, fieldErrors });
}

/**
 * PostgreSQL refusing a value (SQLSTATE class 22, "data exception"): too long for its column
 * (22001), out of range (22003), not valid for its type (22P02, 22007, 22008), or a character it
 * cannot store (22021, 22P05: U+0000). Boundary validation should have caught it first; this is
 * the backstop that keeps such a value from becoming a 500. The SQL message is never passed on.
 */
const VALUE_REFUSED = new Set(['22001', '22003', '22P02', '22007', '22008', '22021', '22P05']);
// Prisma's names for the same refusals (value too long, out of range, invalid value).
const PRISMA_VALUE_REFUSED = new Set(['P2000', 'P2020', 'P2007', 'P2033']);

export function isValueRefusedByDatabase(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { code, originalCode, meta, cause } = e as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    if (typeof code === 'string' && (VALUE_REFUSED.has(code) || PRISMA_VALUE_REFUSED.has(code))) return true;
    if (typeof originalCode === 'string' && VALUE_REFUSED.has(originalCode)) return true;
    e = meta?.driverAdapterError ?? cause;
  }
  return false;
}

export function valueRefusedError(): AppError {
  return new AppError('BAD_USER_INPUT', 'A value is too long, out of range or contains characters that cannot be stored');
}

/**
 * Every pooled connection stayed busy for longer than a transaction may wait (Prisma P2028 "Unable
 * to start a transaction in the given time", P2024 pool timeout): the request may succeed in a moment.
 */
export function isDatabaseBusy(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return code === 'P2024' || (code === 'P2028' && /start a transaction in the given time/i.test(errorText(err)));
}

export function databaseBusyError(): AppError {
  return new AppError('UNAVAILABLE', 'The server is busy right now; try again in a moment');
}

/** PostgreSQL cannot be reached: the pool reconnects by itself, so the request may succeed in a moment (UNAVAILABLE, not a 500). */
export { isDatabaseUnreachable } from '../db/unreachable';

export function databaseUnreachableError(): AppError {
  return new AppError('UNAVAILABLE', 'The database cannot be reached right now; try again in a moment');
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
