import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { Prisma } from '../prisma/generated/client';
import { createTestTenant, testPrisma, type TestTenant } from '../test/support/db';
import { withTransaction } from './client';
import { column, sqlRows, SqlRowError, SqlTenantError, tenantExecute, tenantRows } from './sql';

// Real PostgreSQL (test/global-setup.ts), two tenants of this file's own.
const prisma = testPrisma();
let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
});

const StationRow = z.object({ id: z.string(), name: z.string(), capacity: z.number().int(), createdAt: z.date() });
const stationsOf = (tenantId: string) => Prisma.sql`
  SELECT id::text AS id, name, capacity, created_at AS "createdAt" FROM stations WHERE tenant_id = ${tenantId}::uuid ORDER BY name`;

describe('tenantRows', () => {
  it("returns the tenant's rows, parsed", async () => {
    const rows = await tenantRows(prisma, a.id, 'stations', StationRow, stationsOf(a.id));
    expect(rows.map((r) => r.id).sort()).toEqual(a.stations.map((s) => s.id).sort());
    expect(rows[0].createdAt).toBeInstanceOf(Date);
  });

  it('refuses, without sending it, a statement that does not bind the tenant id', async () => {
    // Written for b, run as a's: it would rename b's stations if it were sent.
    const wrongTenant = Prisma.sql`UPDATE stations SET name = name || ' (renamed)' WHERE tenant_id = ${b.id}::uuid RETURNING id::text AS id`;
    await expect(tenantRows(prisma, a.id, 'wrong tenant', z.object({ id: z.string() }), wrongTenant)).rejects.toThrow(SqlTenantError);
    await expect(tenantExecute(prisma, a.id, 'wrong tenant', wrongTenant)).rejects.toThrow(
      /^SQL query "wrong tenant" is a tenant's but does not bind its tenant id \(.{36}\) as a parameter: refused/,
    );
    expect((await prisma.station.findMany({ where: { tenantId: b.id } })).map((s) => s.name).sort()).toEqual(b.stations.map((s) => s.name).sort());
    // No tenant filter at all.
    await expect(tenantRows(prisma, a.id, 'all stations', StationRow, Prisma.sql`SELECT id::text AS id FROM stations`)).rejects.toThrow(SqlTenantError);
    // The tenant id inlined in the text, not bound as a parameter, is not accepted either.
    await expect(
      tenantRows(prisma, a.id, 'inlined', StationRow, Prisma.sql`SELECT * FROM stations WHERE tenant_id = ${Prisma.raw(`'${a.id}'`)}::uuid`),
    ).rejects.toThrow(SqlTenantError);
    // A tenant id missing at run time is refused, even when some parameter is missing too.
    await expect(tenantRows(prisma, undefined as unknown as string, 'no tenant', StationRow, Prisma.sql`SELECT ${null}::text`)).rejects.toThrow(
      /its tenant id is undefined, not a uuid/,
    );
  });

  it('throws naming the query, the column and the columns the row has when a row does not match', async () => {
    // A renamed column: the schema still asks for capacity.
    const renamed = Prisma.sql`SELECT id::text AS id, name, capacity AS slots, created_at AS "createdAt" FROM stations WHERE tenant_id = ${a.id}::uuid`;
    const err = await tenantRows(prisma, a.id, 'station list', StationRow, renamed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SqlRowError);
    expect((err as SqlRowError).message).toMatch(
      /^SQL query "station list": row 0 does not match its schema \(capacity: Invalid input: expected number, received undefined\); the row has columns id, name, slots, createdAt$/,
    );
    // A changed type: numeric comes back from pg as a string, not a number.
    const retyped = Prisma.sql`SELECT id::text AS id, name, capacity::numeric AS capacity, created_at AS "createdAt" FROM stations WHERE tenant_id = ${a.id}::uuid`;
    await expect(tenantRows(prisma, a.id, 'station list', StationRow, retyped)).rejects.toThrow(
      /"station list": row 0 .*capacity: Invalid input: expected number, received string/,
    );
  });

  it('runs on the tenant-scoped client, a withTransaction tx and a Prisma transaction client alike', async () => {
    const ids = a.stations.map((s) => s.id).sort();
    const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    expect(idsOf(await tenantRows(a.db, a.id, 'stations', StationRow, stationsOf(a.id)))).toEqual(ids);
    expect(idsOf(await withTransaction(prisma, (tx) => tenantRows(tx, a.id, 'stations', StationRow, stationsOf(a.id))))).toEqual(ids);
    expect(idsOf(await a.db.$transaction((tx) => tenantRows(tx, a.id, 'stations', StationRow, stationsOf(a.id))))).toEqual(ids);
    await expect(tenantRows({}, a.id, 'stations', StationRow, stationsOf(a.id))).rejects.toThrow(/runSql needs/);
  });

  it('tenantExecute runs a statement that binds the tenant id', async () => {
    const station = a.stations[0];
    await tenantExecute(
      prisma,
      a.id,
      'rename',
      Prisma.sql`UPDATE stations SET name = name || '!' WHERE id = ${station.id}::uuid AND tenant_id = ${a.id}::uuid`,
    );
    expect((await prisma.station.findUniqueOrThrow({ where: { id: station.id } })).name).toBe(`${station.name}!`);
  });
});

describe('column', () => {
  const Row = z.object({ big: column.bigint, dec: column.decimal, at: column.jsonDate, list: column.list(z.string()) });

  it('coerces int8, numeric, JSON timestamps and NULL arrays explicitly', async () => {
    const [row] = await sqlRows(
      prisma,
      'columns',
      Row,
      Prisma.sql`
      SELECT 9007199254740991::int8 AS big, 12.5::numeric(6,1) AS dec,
             json_build_object('t', '2026-01-02T03:04:05.678+00'::timestamptz)->>'t' AS at, NULL::text[] AS list`,
    );
    expect(row.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(row.dec).toBeInstanceOf(Prisma.Decimal);
    expect(row.dec.toString()).toBe('12.5');
    expect(row.at.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(row.list).toEqual([]);
  });

  it('rejects an int8 that a number cannot hold exactly', async () => {
    await expect(
      sqlRows(prisma, 'too big', Row, Prisma.sql`SELECT 9007199254740993::int8 AS big, 1::numeric AS dec, '2026-01-01' AS at, '{}'::text[] AS list`),
    ).rejects.toThrow(/"too big": row 0 .*big: 9007199254740993 is not a safe integer/);
  });

  it('reads the same through a Prisma transaction client (bigint, Decimal)', async () => {
    const [row] = await prisma.$transaction((tx) =>
      sqlRows(tx, 'columns', Row, Prisma.sql`SELECT 42::int8 AS big, 1.5::numeric AS dec, '2026-01-01T00:00:00Z' AS at, ARRAY['x'] AS list`),
    );
    expect(row).toEqual({ big: 42, dec: new Prisma.Decimal('1.5'), at: new Date('2026-01-01T00:00:00Z'), list: ['x'] });
  });
});

/**
 * Every raw statement of the server goes through db/sql.ts: outside db/ (and dev tools: scripts/,
 * tests), nothing sends SQL of its own through Prisma's raw API, queryRows or a withTransaction tx.
 */
describe('raw SQL outside db/sql.ts', () => {
  const ROOT = path.resolve(__dirname, '..');
  const SKIP = new Set(['node_modules', 'db', 'scripts', 'test', 'web', 'e2e', 'bench', 'prisma', 'dist', '.data', '.git']);
  const FORBIDDEN = /\$queryRaw|\$executeRaw|\bqueryRows\b|\btx\.query\s*[<(]|\.query\s*(<[^>]*>)?\(\s*Prisma\.sql/;

  function serverFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return dir === ROOT && SKIP.has(e.name) ? [] : e.name === 'node_modules' ? [] : serverFiles(full);
      return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
    });
  }

  it('finds no raw query that bypasses the row schemas and the tenant check', () => {
    const offenders = serverFiles(ROOT).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (FORBIDDEN.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
