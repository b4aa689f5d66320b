import { Kind, valueFromASTUntyped } from 'graphql';
import { builder } from '../builder';
import { AppError } from '../../../contracts/errors';

const DECIMAL_RE = /^-?\d{1,12}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && DECIMAL_RE.test(value.trim())) return value.trim();
  throw new AppError('BAD_USER_INPUT', `Decimal must be a number or a decimal string like "12.50", got ${JSON.stringify(value)}`);
}

/**
 * Money and stock quantities travel as strings ("12.50") so no float rounding happens between
 * PostgreSQL's numeric and the client. Output fields that have a fixed scale (prices) format
 * themselves with toFixed; the scalar only stringifies.
 */
builder.scalarType('Decimal', {
  description: 'Exact decimal number as a string, e.g. "12.50" (numbers are accepted on input).',
  serialize: (value) => (typeof value === 'object' && value !== null ? value.toString() : String(value)),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT)
      return parseDecimal(ast.kind === Kind.STRING ? ast.value : Number(ast.value));
    throw new AppError('BAD_USER_INPUT', 'Decimal must be a string or number literal');
  },
});

builder.scalarType('DateTime', {
  description: 'ISO-8601 timestamp with timezone.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) throw new AppError('BAD_USER_INPUT', `Invalid DateTime ${JSON.stringify(value)}`);
    return date;
  },
});

/** Arbitrary JSON (recipe definitions, audit details); shape is validated by the service, not here. */
builder.scalarType('JSON', {
  description: 'Arbitrary JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables ?? undefined),
});
