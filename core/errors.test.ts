import { Prisma } from '../prisma/generated/client';
import { createPrisma, pgPool, queryRows, withTransaction } from '../db/client';
import { getFreePort } from '../temporal/ports';
import { createTestTenant, testPrisma, type TestTenant } from '../test/support/db';
import { isDatabaseBusy, isDatabaseUnreachable, isValueRefusedByDatabase, isUniqueViolation } from './errors';

/**
 * The backstop behind boundary validation: the errors PostgreSQL really raises for a value it
 * cannot store, through Prisma and straight through pg, are recognised (so the GraphQL edge
 * answers BAD_USER_INPUT instead of a 500), and other failures are not.
 */
const prisma = testPrisma();
let kitchen: TestTenant;

beforeAll(async () => {
  kitchen = await createTestTenant(prisma);
});

const refusal = (write: Promise<unknown>) =>
  write.then(
    () => {
      throw new Error('the database accepted the value');
    },
    (err: unknown) => err,
  );

it('recognises a value too long for its column (22001)', async () => {
  const err = await refusal(kitchen.db.station.create({ data: { tenantId: kitchen.id, name: 'x'.repeat(300), taskTypes: ['forno'] } }));
  expect(isValueRefusedByDatabase(err)).toBe(true);
});

it('recognises a number out of its column range (22003)', async () => {
  const err = await refusal(kitchen.db.inventoryItem.create({ data: { tenantId: kitchen.id, name: 'Overflow', unit: 'kg', currentStock: '99999999999' } }));
  expect(isValueRefusedByDatabase(err)).toBe(true);
});

it('recognises a NUL character, through Prisma and through pg (22021)', async () => {
  const viaPrisma = await refusal(kitchen.db.station.create({ data: { tenantId: kitchen.id, name: 'Ov\u0000en', taskTypes: ['forno'] } }));
  expect(isValueRefusedByDatabase(viaPrisma)).toBe(true);
  const viaPg = await refusal(queryRows(prisma, Prisma.sql`SELECT ${'a\u0000b'}::text AS t`));
  expect(isValueRefusedByDatabase(viaPg)).toBe(true);
});

it('does not take a unique violation or a plain error for a refused value', async () => {
  const dup = await refusal(kitchen.db.station.create({ data: { tenantId: kitchen.id, name: kitchen.stations[0].name, taskTypes: ['forno'] } }));
  expect(isUniqueViolation(dup)).toBe(true);
  expect(isValueRefusedByDatabase(dup)).toBe(false);
  expect(isValueRefusedByDatabase(new Error('connection reset'))).toBe(false);
});

it('recognises a pool too busy to start a transaction, and not a transaction that ran too long', async () => {
  const busy = createPrisma(process.env.DATABASE_URL as string, { max: 1, transactionMaxWaitMs: 200 });
  try {
    const held = pgPool(busy).query('SELECT pg_sleep(1)');
    const err = await refusal(busy.$transaction(async (tx) => tx.tenant.count()));
    await held;
    expect(isDatabaseBusy(err)).toBe(true);
    expect(isValueRefusedByDatabase(err)).toBe(false);
    const tooLong = await refusal(busy.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(0.5)`, { timeout: 100 }));
    expect(isDatabaseBusy(tooLong)).toBe(false);
  } finally {
    await busy.$disconnect();
  }
});

it('recognises a database that cannot be reached, and not a unique violation', async () => {
  const url = new URL(process.env.DATABASE_URL as string);
  url.port = String(await getFreePort()); // nothing listens there
  const gone = createPrisma(url.toString(), { max: 1 });
  try {
    const err = await refusal(gone.tenant.count());
    expect(isDatabaseUnreachable(err)).toBe(true);
    expect(isDatabaseBusy(err)).toBe(false);
  } finally {
    await gone.$disconnect();
  }
  const dup = await refusal(kitchen.db.station.create({ data: { tenantId: kitchen.id, name: kitchen.stations[0].name, taskTypes: ['forno'] } }));
  expect(isDatabaseUnreachable(dup)).toBe(false);
});

it('outlives connections PostgreSQL drops, idle in the pool or inside a transaction, and reconnects', async () => {
  const db = createPrisma(process.env.DATABASE_URL as string, { max: 2 });
  const backendGone = async (pid: number) => {
    await pgPool(prisma).query('SELECT pg_terminate_backend($1)', [pid]);
    while ((await pgPool(prisma).query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount) await new Promise((r) => setTimeout(r, 20));
  };
  try {
    // Idle in the pool: the pool's 'error' event, which ends the process when nobody listens.
    const [idle] = await queryRows<{ pid: number }>(db, Prisma.sql`SELECT pg_backend_pid()::int AS pid`);
    await backendGone(idle.pid);
    // Checked out by a transaction, between two statements: the client's own 'error' event.
    const err = await refusal(
      withTransaction(db, async (tx) => {
        const [{ pid }] = await tx.query<{ pid: number }>(Prisma.sql`SELECT pg_backend_pid()::int AS pid`);
        await backendGone(pid);
        await new Promise((r) => setTimeout(r, 100));
        return tx.query(Prisma.sql`SELECT 1`);
      }),
    );
    expect(isDatabaseUnreachable(err)).toBe(true);
    expect(await queryRows<{ one: number }>(db, Prisma.sql`SELECT 1::int AS one`)).toEqual([{ one: 1 }]);
  } finally {
    await db.$disconnect();
  }
});
