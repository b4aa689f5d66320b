import { Prisma } from '../prisma/generated/client';
import { requireTestEnv } from '../test/support/db';
import { createPrisma, queryRows, statementName, withTransaction, type Db } from './client';

describe('statementName', () => {
  it('names a statement by its text: the same text the same name, another text another', () => {
    const a = statementName('SELECT 1 WHERE $1::int > 0', 1);
    expect(statementName('SELECT 1 WHERE $1::int > 0', 1)).toBe(a);
    expect(statementName('SELECT 2 WHERE $1::int > 0', 1)).not.toBe(a);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(63); // PostgreSQL's identifier limit
  });

  it('leaves a statement with many parameters unnamed (its shape varies with the batch)', () => {
    expect(statementName('INSERT INTO x VALUES ' + Array.from({ length: 40 }, (_, i) => `($${i + 1})`).join(','), 40)).toBe('');
  });
});

describe('prepared statements on a real connection', () => {
  let db: Db;
  beforeAll(() => {
    db = createPrisma(requireTestEnv('DATABASE_URL'), { max: 1 }); // one connection: one session to look at
  });
  afterAll(() => db.$disconnect());

  it('prepares what queryRows and Prisma run once per connection and reuses it', async () => {
    const sql = Prisma.sql`SELECT ${7}::int + 1 AS n`;
    expect(await queryRows(db, sql)).toEqual([{ n: 8 }]);
    expect(await queryRows(db, sql)).toEqual([{ n: 8 }]);
    await db.tenant.findMany({ where: { slug: 'no-such-tenant' } });
    const prepared = await queryRows<{ name: string }>(db, Prisma.sql`SELECT name FROM pg_prepared_statements`);
    const names = prepared.map((p) => p.name);
    expect(names).toContain(statementName(sql.text, 1));
    expect(names.filter((n) => n.startsWith('b_')).length).toBeGreaterThanOrEqual(3); // ours, Prisma's, this one
  });
});

describe('$disconnect', () => {
  it('ends the pool of a client that only queryRows used (Prisma never connected)', async () => {
    const db = createPrisma(requireTestEnv('DATABASE_URL'), { max: 1 });
    await queryRows(db, Prisma.sql`SELECT 1`);
    await db.$disconnect();
    await expect(queryRows(db, Prisma.sql`SELECT 1`)).rejects.toThrow(/after calling end on the pool/);
  });

  it('ends it once when Prisma did connect', async () => {
    const db = createPrisma(requireTestEnv('DATABASE_URL'), { max: 1 });
    await db.tenant.count();
    await db.$disconnect();
    await expect(queryRows(db, Prisma.sql`SELECT 1`)).rejects.toThrow(/after calling end on the pool/);
  });
});

describe('withTransaction', () => {
  let db: Db;
  const table = `tx_probe_${process.pid}`;
  beforeAll(async () => {
    db = createPrisma(requireTestEnv('DATABASE_URL'), { max: 1 }); // one connection: a leaked transaction would show
    await db.$executeRawUnsafe(`CREATE TABLE ${table} (n int)`);
  });
  afterAll(async () => {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS ${table}`);
    await db.$disconnect();
  });
  const rows = () => queryRows<{ n: number }>(db, Prisma.sql`SELECT n FROM ${Prisma.raw(table)} ORDER BY n`);

  it('commits what the callback wrote and returns its result', async () => {
    const result = await withTransaction(db, async (tx) => {
      await tx.query(Prisma.sql`INSERT INTO ${Prisma.raw(table)} VALUES (${1}::int)`);
      return (await tx.query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(table)}`))[0].n;
    });
    expect(result).toBe(1);
    expect(await rows()).toEqual([{ n: 1 }]);
  });

  it('rolls everything back when the callback throws, rethrows, and leaves the connection usable', async () => {
    await expect(
      withTransaction(db, async (tx) => {
        await tx.query(Prisma.sql`INSERT INTO ${Prisma.raw(table)} VALUES (${2}::int)`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A statement error inside (here a bad cast) rolls back the same way.
    await expect(withTransaction(db, (tx) => tx.query(Prisma.sql`SELECT ${'x'}::int`))).rejects.toThrow(/invalid input syntax/);
    expect(await rows()).toEqual([{ n: 1 }]);
    // Not left inside a transaction: two statements on the one connection get two transaction ids.
    const txid = async () => (await queryRows<{ id: string }>(db, Prisma.sql`SELECT txid_current()::text AS id`))[0].id;
    expect(await txid()).not.toBe(await txid());
  });
});
