import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { LRUCache } from 'lru-cache';
import { Pool, type PoolClient } from 'pg';
import { PrismaClient, type Prisma } from '../prisma/generated/client';
import { componentLogger } from '../config/logger';

export type Db = PrismaClient;

const pools = new WeakMap<object, Pool>();
/** The tx objects withTransaction handed out (runSql sends their statements on the tx's connection). */
const sqlTxs = new WeakSet<object>();

/**
 * One PrismaClient per process, over the pg driver adapter (Prisma 7: no engine binary). Its
 * pool is ours, so queryRows can use the same connections; $disconnect ends it.
 */
export function createPrisma(databaseUrl: string, opts: { max?: number; transactionMaxWaitMs?: number } = {}): Db {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.max ?? 10 });
  // An idle connection that PostgreSQL drops (a restart, a failover) is only logged: without a
  // listener the pool's 'error' event ends the process. The next query opens a new connection.
  pool.on('error', (err) => componentLogger('db').warn({ reason: err.message }, 'idle database connection lost'));
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator: (q) => statementName(q.sql, q.args.length) });
  // Prisma's 2 s default wait for a transaction's connection fails requests in a short burst; a
  // longer queue is what a busy kitchen wants, and a wait that still runs out answers UNAVAILABLE.
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: opts.transactionMaxWaitMs ?? 10_000 } });
  pools.set(prisma, pool);
  // The adapter ends the pool only if Prisma itself ever connected: a client used only through
  // queryRows/db/sql.ts (a health check) would keep its connections, and lose them noisily later.
  const disconnect = prisma.$disconnect.bind(prisma);
  prisma.$disconnect = async () => {
    await disconnect();
    if (!(pool as Pool & { ending?: boolean }).ending) await pool.end();
  };
  return prisma;
}

/**
 * A statement built with Prisma.sql, run straight on the client's pg pool: the same connections
 * without Prisma's per-query work (about 0.25 ms of CPU a statement, which the KDS transitions
 * pay many times per item). For single statements outside a transaction; the rows come as pg
 * parses them, so the SQL casts what it returns (::text, ::int, ::float8). It bypasses a
 * tenant-scoped client's scoping: the SQL itself filters by tenant_id. Server code does not call
 * it: db/sql.ts (sqlRows, tenantRows) parses the rows and checks the tenant.
 */
export async function queryRows<T>(db: object, query: Prisma.Sql): Promise<T[]> {
  return send<T>(poolOf(db, 'queryRows'), query);
}

/**
 * The statement on whatever `db` is: a client from createPrisma (or one sharing its pool) on the
 * pool like queryRows, a withTransaction tx on its connection, else a Prisma client or Prisma
 * transaction client through its $queryRaw. The rows unchecked: db/sql.ts is what calls it.
 */
export async function runSql(db: object, query: Prisma.Sql): Promise<unknown[]> {
  const pool = pools.get(db);
  if (pool) return send(pool, query);
  if (sqlTxs.has(db)) return (db as SqlTx).query(query);
  const raw = (db as { $queryRaw?: (query: Prisma.Sql) => Promise<unknown[]> }).$queryRaw;
  if (typeof raw === 'function') return raw.call(db, query);
  throw new Error('runSql needs a client made by createPrisma, a withTransaction tx or a Prisma transaction client');
}

function poolOf(db: object, caller: string): Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error(`${caller} needs a client made by createPrisma`);
  return pool;
}

async function send<T>(on: Pool | PoolClient, query: Prisma.Sql): Promise<T[]> {
  return (await on.query({ name: statementName(query.text, query.values.length), text: query.text, values: query.values })).rows as T[];
}

/** Runs statements built with Prisma.sql inside one transaction (see withTransaction); pass it to db/sql.ts. */
export interface SqlTx {
  query<T>(query: Prisma.Sql): Promise<T[]>;
}

/**
 * A transaction straight on the client's pg pool, for the hot paths that hold one briefly and
 * send only SQL: Prisma's interactive transaction costs about 1 ms more per use in its own
 * bookkeeping (scratch: BEGIN, a lock, a statement and COMMIT took 1.8 ms through Prisma and
 * 0.9 ms through pg). Commits when `run` resolves, rolls back when it throws.
 */
export async function withTransaction<T>(db: object, run: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await poolOf(db, 'withTransaction').connect();
  const tx: SqlTx = { query: (query) => send(client, query) };
  sqlTxs.add(tx);
  let broken = false;
  // A checked-out client has no pool listener: a connection lost between two statements would
  // otherwise be an unhandled 'error' event that ends the process (seen when PostgreSQL is killed).
  const onLost = () => (broken = true);
  client.on('error', onLost);
  try {
    await client.query('BEGIN');
    const result = await run(tx);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => (broken = true));
    throw err;
  } finally {
    // A connection that could not even roll back is not given to the next caller.
    client.off('error', onLost);
    client.release(broken);
  }
}

/** The pg pool under a client createPrisma made, for libraries that speak pg themselves (rate limits). */
export function pgPool(db: object): Pool {
  return poolOf(db, 'pgPool');
}

/** A client derived from one createPrisma made (a tenant-scoped extension) queries through the same pool. */
export function sharePool(from: Db, derived: object): void {
  const pool = pools.get(from);
  if (pool) pools.set(derived, pool);
}

/** Statements with more parameters than this (a batch insert, a long IN list) vary in shape: never prepared. */
const MAX_PREPARED_PARAMS = 32;
const names = new LRUCache<string, string>({ max: 2_000 });

/**
 * A name for the statement, so pg prepares it once per connection and PostgreSQL stops parsing
 * and planning it on every call: on the KDS statements that cut PostgreSQL's CPU per call about
 * threefold (0.33 to 0.10 ms on the station-load query, scratch measurement). Named by a hash of
 * its text, so one name never means two statements. Statements whose shape depends on how many
 * values they carry get '' (pg's unnamed statement), so the prepared set of a connection stays small.
 */
export function statementName(sql: string, params: number): string {
  if (params > MAX_PREPARED_PARAMS) return ''; // pg's unnamed statement: parsed on every call
  let name = names.get(sql);
  if (name === undefined) {
    name = `b_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
  }
  return name;
}
