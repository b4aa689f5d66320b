import { Prisma } from '../prisma/generated/client';
import { requireTestEnv } from '../test/helpers/db';
import { createPrisma, queryRows, statementName, type Db } from './client';

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
