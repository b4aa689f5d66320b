import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient, type Prisma } from '../prisma/generated/client';

export type Db = PrismaClient;

const pools = new WeakMap<Db, Pool>();

/**
 * One PrismaClient per process, over the pg driver adapter (Prisma 7: no engine binary). Its
 * pool is ours, so queryRows can use the same connections; $disconnect ends it.
 */
export function createPrisma(databaseUrl: string, opts: { max?: number } = {}): Db {
  const pool = new Pool({ connectionString: databaseUrl, max: opts.max ?? 10 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/**
 * A statement built with Prisma.sql, run straight on the client's pg pool: the same connections
 * without Prisma's per-query work (about 0.25 ms of CPU a statement, which the KDS transitions
 * pay many times per item). For single statements outside a transaction; the rows come as pg
 * parses them, so the SQL casts what it returns (::text, ::int, ::float8).
 */
export async function queryRows<T>(db: Db, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool) throw new Error('queryRows needs a client made by createPrisma');
  return (await pool.query(query.text, query.values)).rows as T[];
}
