import { z } from 'zod';
import { AppError } from '../contracts/errors';
import { fromZodError } from './errors';

/** Boundary validation: anything that fails the schema is BAD_USER_INPUT naming the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A malformed id cannot name a row the caller can see, so it is NOT_FOUND like a missing or
 * foreign id (and never reaches PostgreSQL, where it would be a uuid syntax error).
 */
export function requireId(id: string, entity: string): string {
  if (!UUID_RE.test(id)) throw notFound(entity);
  return id;
}

export function notFound(entity: string): AppError {
  return new AppError('NOT_FOUND', `${entity} not found`);
}

/** Decimal strings from the GraphQL scalar, checked for range here (the scalar checks syntax only). */
export const decimalString = (opts: { min?: number; max?: number; label?: string } = {}) =>
  z
    .string()
    .refine((v) => Number.isFinite(Number(v)), 'must be a number')
    .refine((v) => opts.min === undefined || Number(v) >= opts.min, `must be at least ${opts.min}`)
    .refine((v) => opts.max === undefined || Number(v) <= opts.max, `must be at most ${opts.max}`);

/**
 * The largest values the numeric(p,s) columns hold: a sum or a stock change is checked against
 * them before it is written, so an overflow is the caller's BAD_USER_INPUT, not a SQL error.
 */
export const COLUMN_MAX = {
  /** numeric(10,2): prices, order totals. */
  money: 99_999_999.99,
  /** numeric(10,3): stock, movements, recipe ingredient quantities. */
  stock: 9_999_999.999,
} as const;
