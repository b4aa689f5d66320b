import { createTestTenant, testPrisma, type TestTenant } from '../test/support/db';
import type { Station } from '../prisma/generated/client';
import { forTenant, scopeArgs } from './tenant-scope';

// Real PostgreSQL (test/global-setup.ts). Two fresh tenants per file; A's scoped client must
// behave as if B's rows did not exist.
const prisma = testPrisma();
let a: TestTenant;
let b: TestTenant;
let bStation: Station;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(prisma), createTestTenant(prisma)]);
  bStation = b.stations[0];
});

describe('forTenant: one scoped client per tenant', () => {
  it('is reused for its tenant and never shared with another', async () => {
    expect(forTenant(prisma, a.id)).toBe(forTenant(prisma, a.id));
    expect(forTenant(prisma, b.id)).not.toBe(forTenant(prisma, a.id));
    // Taken again after the other tenant's, each still sees only its own rows.
    const [ownA, ownB] = await Promise.all([forTenant(prisma, a.id).station.findMany(), forTenant(prisma, b.id).station.findMany()]);
    expect(ownA.map((s) => s.id).sort()).toEqual(a.stations.map((s) => s.id).sort());
    expect(ownB.map((s) => s.id).sort()).toEqual(b.stations.map((s) => s.id).sort());
  });
});

describe('forTenant: reads', () => {
  it("does not find another tenant's row by its id", async () => {
    expect(await a.db.station.findUnique({ where: { id: bStation.id } })).toBeNull();
    expect(await a.db.station.findFirst({ where: { id: bStation.id } })).toBeNull();
    await expect(a.db.station.findUniqueOrThrow({ where: { id: bStation.id } })).rejects.toThrow();
  });

  it("lists and counts only the tenant's own rows", async () => {
    const ids = (await a.db.station.findMany()).map((s) => s.id).sort();
    expect(ids).toEqual(a.stations.map((s) => s.id).sort());
    expect(await a.db.station.count()).toBe(a.stations.length);
    expect(await a.db.user.count({ where: { email: b.users.OWNER.email } })).toBe(0);
    const agg = await a.db.station.aggregate({ _sum: { capacity: true } });
    expect(agg._sum.capacity).toBe(a.stations.reduce((n, s) => n + s.capacity, 0));
    const groups = await a.db.user.groupBy({ by: ['tenantId'], _count: true });
    expect(groups).toEqual([{ tenantId: a.id, _count: Object.keys(a.users).length }]);
  });

  it('shows only its own Tenant row', async () => {
    expect((await a.db.tenant.findMany()).map((t) => t.id)).toEqual([a.id]);
    expect(await a.db.tenant.findUnique({ where: { id: b.id } })).toBeNull();
    expect(await a.db.tenant.findUnique({ where: { slug: b.slug } })).toBeNull();
    await expect(a.db.tenant.delete({ where: { id: a.id } })).rejects.toThrow(/not allowed/);
    await expect(a.db.tenant.create({ data: { slug: `x-${a.slug}`, name: 'x' } })).rejects.toThrow(/not allowed/);
  });
});

describe('forTenant: writes', () => {
  it("cannot update or delete another tenant's rows", async () => {
    const updated = await a.db.station.updateMany({ where: { id: bStation.id }, data: { name: 'hijacked' } });
    expect(updated.count).toBe(0);
    await expect(a.db.station.update({ where: { id: bStation.id }, data: { name: 'hijacked' } })).rejects.toThrow();
    expect((await a.db.station.deleteMany({ where: { id: bStation.id } })).count).toBe(0);
    await expect(a.db.station.delete({ where: { id: bStation.id } })).rejects.toThrow();
    const untouched = await prisma.station.findUniqueOrThrow({ where: { id: bStation.id } });
    expect(untouched).toEqual(bStation);
  });

  it("updating every row touches only the tenant's own rows", async () => {
    const before = await prisma.user.findMany({ where: { tenantId: b.id }, orderBy: { id: 'asc' } });
    const result = await a.db.user.updateMany({ data: { isActive: true } });
    expect(result.count).toBe(Object.keys(a.users).length);
    expect(await prisma.user.findMany({ where: { tenantId: b.id }, orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('gives created rows the scoped tenantId when it is omitted', async () => {
    // The generated types require tenantId; the cast shows a caller that forgot it.
    const data = { name: `Pass ${Date.now()}`, taskTypes: ['pass'] } as unknown as { name: string; tenantId: string };
    const created = await a.db.station.create({ data });
    expect(created.tenantId).toBe(a.id);
    const many = await a.db.inventoryItem.createManyAndReturn({
      data: [
        { name: 'Flour', unit: 'kg' },
        { name: 'Salt', unit: 'kg' },
      ] as unknown as { name: string; unit: string; tenantId: string }[],
    });
    expect(many.map((i) => i.tenantId)).toEqual([a.id, a.id]);
  });

  it('refuses to create rows for, or move rows to, another tenant', async () => {
    await expect(a.db.station.create({ data: { tenantId: b.id, name: 'Sneaky' } })).rejects.toThrow(/another tenant/);
    const own = a.stations[0];
    await expect(a.db.station.update({ where: { id: own.id }, data: { tenantId: b.id } })).rejects.toThrow(/another tenant/);
    await expect(a.db.station.updateMany({ data: { tenantId: { set: b.id } } })).rejects.toThrow(/another tenant/);
    expect(await prisma.station.count({ where: { tenantId: b.id, name: 'Sneaky' } })).toBe(0);
    expect((await prisma.station.findUniqueOrThrow({ where: { id: own.id } })).tenantId).toBe(a.id);
  });

  it("upserting on another tenant's unique key creates an own row and leaves theirs alone", async () => {
    const row = await a.db.station.upsert({
      where: { tenantId_name: { tenantId: b.id, name: bStation.name } },
      create: { tenantId: a.id, name: `Upserted ${Date.now()}` },
      update: { capacity: 99 },
    });
    expect(row.tenantId).toBe(a.id);
    expect((await prisma.station.findUniqueOrThrow({ where: { id: bStation.id } })).capacity).toBe(bStation.capacity);
  });
});

describe('scopeArgs', () => {
  it('refuses an operation it does not know how to scope rather than running it unscoped', () => {
    expect(() => scopeArgs('findRaw', {}, 'tenant-a')).toThrow(/not supported/);
  });
});
