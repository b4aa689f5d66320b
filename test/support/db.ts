import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { createPrisma, type Db } from '../../db/client';
import { forTenant, type TenantDb } from '../../db/tenant-scope';
import { Role, type Station, type Tenant, type User } from '../../prisma/generated/client';

/**
 * Database helpers for tests. Every test file works in tenants of its own (random slugs), so
 * files never see each other's rows or disturb the seeded demo tenants.
 */
export function requireTestEnv(name: 'DATABASE_URL' | 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run tests through Jest, whose test/global-setup.ts starts the test infrastructure`);
  }
  return value;
}

/** A client on the test database, disconnected in afterAll. Call it at the top level of a file. */
/** Connections in testPrisma's pool: at most this many of a test's statements run at once. */
export const TEST_POOL_SIZE = 4;

export function testPrisma(): Db {
  const prisma = createPrisma(requireTestEnv('DATABASE_URL'), { max: TEST_POOL_SIZE });
  afterAll(() => prisma.$disconnect());
  return prisma;
}

/**
 * An empty database of its own on the test server, for tests that migrate or seed from scratch.
 * drop() force-closes its connections and removes it.
 */
export async function createScratchDatabase(prefix = 'scratch'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const base = requireTestEnv('DATABASE_URL');
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Every test user's password. */
export const TEST_PASSWORD = 'test-password-1234';

// Cost 4 instead of the app's 10: hashing is deliberately slow and tests create many users;
// bcrypt.compare reads the cost from the hash, so logins verify exactly the same way.
let passwordHash: Promise<string> | undefined;
const hashedTestPassword = () => (passwordHash ??= bcrypt.hash(TEST_PASSWORD, 4));

export type TestStation = { name: string; taskTypes: string[]; capacity?: number };

/** Enough station types for the demo recipes (forno, wok, grill, fryer, prep, cold, packaging). */
export const DEFAULT_TEST_STATIONS: TestStation[] = [
  { name: 'Oven', taskTypes: ['forno'], capacity: 2 },
  { name: 'Wok', taskTypes: ['wok'] },
  { name: 'Grill & Fryer', taskTypes: ['grill', 'fryer'] },
  { name: 'Prep', taskTypes: ['prep', 'cold'], capacity: 2 },
  { name: 'Packaging', taskTypes: ['packaging'] },
];

export type TestTenant = Tenant & {
  /** Scoped client for this tenant (the way app code accesses data). */
  db: TenantDb;
  stations: Station[];
  /** One user per role; log in with `users.MANAGER.email` and TEST_PASSWORD. */
  users: Record<Role, User>;
  password: string;
};

export async function createTestTenant(prisma: Db, opts: { name?: string; slug?: string; stations?: TestStation[] } = {}): Promise<TestTenant> {
  const slug = opts.slug ?? `t-${randomUUID().slice(0, 8)}`;
  const tenant = await prisma.tenant.create({ data: { slug, name: opts.name ?? `Test kitchen ${slug}` } });
  const db = forTenant(prisma, tenant.id);
  const stations = await db.station.createManyAndReturn({
    data: (opts.stations ?? DEFAULT_TEST_STATIONS).map((s, displayOrder) => ({
      tenantId: tenant.id,
      name: s.name,
      taskTypes: s.taskTypes,
      capacity: s.capacity ?? 1,
      displayOrder,
    })),
  });
  const passwordHash = await hashedTestPassword();
  const created = await db.user.createManyAndReturn({
    data: Object.values(Role).map((role) => ({
      tenantId: tenant.id,
      email: `${role.toLowerCase()}@${slug}.test`,
      name: `${role[0]}${role.slice(1).toLowerCase()} ${slug}`,
      role,
      passwordHash,
    })),
  });
  const users = Object.fromEntries(created.map((u) => [u.role, u])) as Record<Role, User>;
  stations.sort((a, b) => a.displayOrder - b.displayOrder);
  return { ...tenant, db, stations, users, password: TEST_PASSWORD };
}
