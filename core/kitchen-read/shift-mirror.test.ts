import type { Db } from '../../db/client';
import { createTestTenant, testPrisma, type TestTenant } from '../../test/support/db';
import { deleteTenants } from '../../test/support/activity-fixtures';
import { createKitchenStateLoader, loadKitchenState } from './kitchen-state';

// The shifts in the worker's mirror of the kitchen, on real PostgreSQL: a warm mirror reads only
// rows written since its last read, so a shift change must reach the next ETA run that way.
const prisma: Db = testPrisma();
let tenant: TestTenant;
const MIN = 60_000;
const now = Date.parse('2026-11-20T12:00:00Z');

beforeAll(async () => {
  tenant = await createTestTenant(prisma, {
    stations: [
      { name: 'Grill', taskTypes: ['grill'], capacity: 3 },
      { name: 'Pass', taskTypes: ['packaging'], capacity: 1 },
    ],
  });
});
afterAll(async () => {
  if (tenant) await deleteTenants(prisma, [tenant.id]);
});

const grillId = () => tenant.stations.find((s) => s.name === 'Grill')!.id;
const stepsOf = (state: Awaited<ReturnType<typeof loadKitchenState>>) =>
  Object.fromEntries(state.stations.map((s) => [s.id === grillId() ? 'grill' : 'pass', s.capacitySteps ?? null]));
const shift = (userId: string, fromMin: number, toMin: number) =>
  prisma.shift.create({
    data: { tenantId: tenant.id, userId, stationId: grillId(), startsAt: new Date(now + fromMin * MIN), endsAt: new Date(now + toMin * MIN) },
  });

describe("the shifts in the kitchen mirror (a station's capacity over the forecast)", () => {
  it('follows planned, moved, clocked-out, deactivated shifts and deactivated users on each warm read, exactly like a whole read', async () => {
    const loader = createKitchenStateLoader();
    const read = async () => stepsOf(await loader.load(prisma, tenant.id, now));
    const whole = async () => stepsOf(await loadKitchenState(prisma, tenant.id, now));
    expect(await read()).toEqual({ grill: null, pass: null });

    const cook = tenant.users.STAFF.id;
    const first = await shift(cook, -60, 30);
    const second = await shift(tenant.users.MANAGER.id, 10, 120);
    expect(await read()).toEqual({
      grill: [
        { from: now, capacity: 1 },
        { from: now + 10 * MIN, capacity: 2 },
        { from: now + 30 * MIN, capacity: 1 },
        { from: now + 120 * MIN, capacity: 0 },
      ],
      pass: null,
    });
    expect(await read()).toEqual(await whole());

    // The first cook leaves at once; the second shift moves an hour later.
    await prisma.shift.update({ where: { id: first.id }, data: { clockedInAt: new Date(now - 60 * MIN), clockedOutAt: new Date(now - MIN) } });
    await prisma.$executeRaw`UPDATE shifts SET starts_at = starts_at + interval '1 hour' WHERE id = ${second.id}::uuid`;
    expect(await read()).toEqual({
      grill: [
        { from: now, capacity: 0 },
        { from: now + 70 * MIN, capacity: 1 },
        { from: now + 120 * MIN, capacity: 0 },
      ],
      pass: null,
    });
    expect(await read()).toEqual(await whole());

    // The manager is deactivated: a whole read (every minute, and every API quote) drops their shift.
    await prisma.user.update({ where: { id: tenant.users.MANAGER.id }, data: { isActive: false } });
    expect((await whole()).grill).toEqual([{ from: now, capacity: 0 }]);
    await prisma.user.update({ where: { id: tenant.users.MANAGER.id }, data: { isActive: true } });

    // Off the plan: the station still follows its shifts (one ended minutes ago), with nobody on.
    await prisma.shift.update({ where: { id: second.id }, data: { isActive: false } });
    expect(await read()).toEqual({ grill: [{ from: now, capacity: 0 }], pass: null });
    expect(await read()).toEqual(await whole());
  });

  it('forgets shifts that ended more than a week ago: the configured capacity is back', async () => {
    const later = now + 8 * 24 * 60 * MIN;
    const loader = createKitchenStateLoader();
    const state = await loader.load(prisma, tenant.id, later);
    expect(state.stations.map((s) => s.capacitySteps ?? null)).toEqual([null, null]);
    expect((await loadKitchenState(prisma, tenant.id, later)).stations.map((s) => s.capacitySteps ?? null)).toEqual([null, null]);
  });
});
