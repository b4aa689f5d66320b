import { z } from 'zod';
import { Prisma } from '../prisma/generated/client';
import { runSql } from './client';

/**
 * Raw SQL, checked. Every statement the server sends outside Prisma's model API goes through
 * here: the rows are parsed with a zod schema (so a renamed column or a changed type fails
 * loudly, naming the query, instead of flowing on as `undefined`), and a tenant's statement must
 * bind the tenant id (tenantRows/tenantExecute), so it cannot silently forget its tenant.
 *
 *   const Row = z.object({ id: z.string(), queued: z.number().int() }); // once, at module level
 *   const rows = await tenantRows(db, tenantId, 'station load', Row, Prisma.sql`
 *     SELECT s.id::text AS id, ... FROM stations s WHERE s.tenant_id = ${tenantId}::uuid`);
 *
 * `db` is where the statement runs: a client from createPrisma or forTenant (straight on its pg
 * pool, see queryRows), the tx of withTransaction, or a Prisma transaction client. Rows come as
 * the driver parses them: int2/int4, float8, bool, json and timestamptz arrive as numbers,
 * booleans, JSON values and Dates; int8 and numeric arrive as strings through pg (bigint and
 * Decimal through Prisma), so cast them in the SQL (::int, ::float8, ::text) or use
 * `column.bigint` / `column.decimal`.
 */
export type SqlTarget = object;

/** A row the query's schema rejects: the query's name, the row, what did not match, and the columns the row had. */
export class SqlRowError extends Error {
  override name = 'SqlRowError';
  constructor(
    readonly query: string,
    readonly rowIndex: number,
    readonly issues: ReadonlyArray<z.core.$ZodIssue>,
    readonly columns: string[],
  ) {
    const what = issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(row)'}: ${i.message}`);
    if (issues.length > 5) what.push(`and ${issues.length - 5} more`);
    super(`SQL query "${query}": row ${rowIndex} does not match its schema (${what.join('; ')}); the row has columns ${columns.join(', ') || '(none)'}`);
  }
}

/** A tenant's statement that does not bind the tenant id: refused before it is sent. */
export class SqlTenantError extends Error {
  override name = 'SqlTenantError';
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parseRows<S extends z.ZodType>(name: string, schema: S, rows: unknown[]): Array<z.output<S>> {
  const out = new Array<z.output<S>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const parsed = schema.safeParse(rows[i]);
    if (!parsed.success) {
      const row = rows[i];
      throw new SqlRowError(name, i, parsed.error.issues, row !== null && typeof row === 'object' ? Object.keys(row) : []);
    }
    out[i] = parsed.data;
  }
  return out;
}

function assertBindsTenant(name: string, tenantId: string, query: Prisma.Sql): void {
  if (typeof tenantId !== 'string' || !UUID_RE.test(tenantId)) {
    throw new SqlTenantError(`SQL query "${name}" is a tenant's, but its tenant id is ${JSON.stringify(tenantId)}, not a uuid`);
  }
  if (!query.values.includes(tenantId)) {
    throw new SqlTenantError(
      `SQL query "${name}" is a tenant's but does not bind its tenant id (${tenantId}) as a parameter: refused. ` +
        'Filter on it in the SQL (… AND t.tenant_id = ${tenantId}::uuid).',
    );
  }
}

/** Rows of a statement that reads no tenant's data (a health check, the catalog), each parsed with `schema`. */
export async function sqlRows<S extends z.ZodType>(db: SqlTarget, name: string, schema: S, query: Prisma.Sql): Promise<Array<z.output<S>>> {
  return parseRows(name, schema, await runSql(db, query));
}

/**
 * Rows of a tenant's statement, each parsed with `schema`. Refused (SqlTenantError, nothing sent)
 * unless `tenantId` is one of the statement's bound parameters.
 */
export async function tenantRows<S extends z.ZodType>(
  db: SqlTarget,
  tenantId: string,
  name: string,
  schema: S,
  query: Prisma.Sql,
): Promise<Array<z.output<S>>> {
  assertBindsTenant(name, tenantId, query);
  return parseRows(name, schema, await runSql(db, query));
}

/** A tenant's statement whose rows nobody reads (an UPDATE, a lock), under the same check as tenantRows. */
export async function tenantExecute(db: SqlTarget, tenantId: string, name: string, query: Prisma.Sql): Promise<void> {
  assertBindsTenant(name, tenantId, query);
  await runSql(db, query);
}

/** int8 whose value fits a JS number (pg sends it as a string, Prisma as a bigint). */
const bigint = z.union([z.number(), z.bigint(), z.string().regex(/^-?\d+$/)]).transform((v, ctx) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) {
    ctx.issues.push({ code: 'custom', message: `${String(v)} is not a safe integer`, input: v });
    return z.NEVER;
  }
  return n;
});

/** numeric as a Prisma.Decimal (pg sends it as a string, Prisma as a Decimal, JSON as a number). */
const decimal = z.union([z.string(), z.number(), z.instanceof(Prisma.Decimal)]).transform((v, ctx) => {
  try {
    return new Prisma.Decimal(v);
  } catch {
    ctx.issues.push({ code: 'custom', message: `${String(v)} is not a decimal`, input: v });
    return z.NEVER;
  }
});

/** A timestamptz inside json_build_object: an ISO string, turned back into a Date. */
const jsonDate = z.string().transform((v, ctx) => {
  const date = new Date(v);
  if (Number.isNaN(date.getTime())) {
    ctx.issues.push({ code: 'custom', message: `${v} is not a timestamp`, input: v });
    return z.NEVER;
  }
  return date;
});

/** An array column (text[], uuid[]: nullable in SQL, the schema's lists are never null): NULL reads as []. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((v): Array<z.output<T>> => v ?? []);

/** Column schemas for what the driver does not hand over as the JS type the code wants. */
export const column = { bigint, decimal, jsonDate, list };
