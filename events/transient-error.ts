/**
 * A pg error that says PostgreSQL could not be reached or was going away (a restart, a failover,
 * the network): SQLSTATE class 08, 57P01–57P03 (shutting down, starting up), too many connections,
 * a refused or dropped socket, the pool's connect timeout. Sending the statement again later may
 * succeed; anything else (a bad payload, a missing table) will fail again the same way.
 * pg-level twin of core/errors.ts isDatabaseUnreachable, which events/ may not import.
 */
const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|not yet accepting connections|the database system is/i;

export function isTransientDbError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && TRANSIENT_MESSAGE.test(message);
}
