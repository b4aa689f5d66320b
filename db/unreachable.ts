/**
 * PostgreSQL cannot be reached or is going away (restarting, failing over, the network), so the
 * same statement may succeed in a moment: Prisma's P1001/P1002/P1017, SQLSTATE class 08,
 * 57P01–57P03 (shutting down, starting up), 53300 (too many connections), a refused, dropped or
 * timed-out socket, the pool's connect timeout. Follows Prisma's driver-adapter error and `cause`.
 * Anything else (a bad payload, a missing table) would fail again the same way.
 */
const UNREACHABLE_CODES = new Set([
  'P1001',
  'P1002',
  'P1017',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);
const UNREACHABLE_MESSAGE =
  /Connection terminated|Can't reach database server|timeout exceeded when trying to connect|not yet accepting connections|is not queryable|the database system is/i;

export function isDatabaseUnreachable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    const { code, originalCode, meta, cause } = e as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: unknown }; cause?: unknown };
    for (const c of [code, originalCode]) if (typeof c === 'string' && (UNREACHABLE_CODES.has(c) || c.startsWith('08'))) return true;
    const message = e instanceof Error ? e.message : (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNREACHABLE_MESSAGE.test(message)) return true;
    e = meta?.driverAdapterError ?? cause;
  }
  return false;
}
