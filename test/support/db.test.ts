import bcrypt from 'bcryptjs';
import { Role } from '../../prisma/generated/client';
import { createTestTenant, requireTestEnv, testPrisma } from './db';

// The helpers other test files build on, against the real test database.
const prisma = testPrisma();

describe('test infrastructure', () => {
  it('hands every test the addresses of the real PostgreSQL and Temporal', () => {
    expect(requireTestEnv('DATABASE_URL')).toMatch(/^postgresql:\/\/.+@127\.0\.0\.1:\d+\/brigade$/);
    expect(requireTestEnv('TEMPORAL_ADDRESS')).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(requireTestEnv('TEMPORAL_NAMESPACE')).toBeTruthy();
  });

  it('creates isolated tenants with stations and a user of every role whose password verifies', async () => {
    const [a, b] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma, { stations: [{ name: 'Wok', taskTypes: ['wok'] }] })]);
    expect(a.slug).not.toBe(b.slug);
    expect(a.stations.map((s) => s.name)).toContain('Oven');
    expect(b.stations.map((s) => s.taskTypes)).toEqual([['wok']]);
    expect(Object.keys(a.users).sort()).toEqual(Object.values(Role).sort());
    for (const user of Object.values(a.users)) {
      expect(user.tenantId).toBe(a.id);
      expect(await bcrypt.compare(a.password, user.passwordHash)).toBe(true);
    }
    expect(await a.db.user.count()).toBe(Object.values(Role).length);
  });
});
