import type { ConnectedPlatform } from '../../test/support/test-platform';
import { until, type TestKitchen } from '../../test/support/kitchen-api';
import { usePlatformHarness } from '../../test/support/platform-harness';

// A dish's own name, price and hours on one platform, edited over real GraphQL and pushed by the
// real availability follower to the sandbox marketplace (real HTTP).
jest.setTimeout(120_000);

const h = usePlatformHarness('platform-assignment-edit-test');

const UPDATE = `mutation($id: ID!, $input: UpdatePlatformAssignmentInput!) {
  updatePlatformAssignment(id: $id, input: $input) { id platformName platformPrice isAvailable availableFrom availableTo availableDays syncStatus }
}`;

async function setup(): Promise<{ k: TestKitchen; p: ConnectedPlatform; owner: string; assignmentOf: (menuItemId: string) => Promise<string> }> {
  const { k, p } = await h.connect();
  await h.syncedAndFollowed(k, p);
  const assignmentOf = async (menuItemId: string) =>
    (await h.api.prisma.productPlatformAssignment.findFirstOrThrow({ where: { platformId: p.platformId, menuItemId } })).id;
  return { k, p, owner: await h.ownerToken(k), assignmentOf };
}

describe('editing a dish on one platform', () => {
  it('pushes its platform name and price within seconds, and falls back to the menu when cleared', async () => {
    const { k, p, owner, assignmentOf } = await setup();
    const id = await assignmentOf(k.menu.salad);
    const res = await h.api.gql(owner, UPDATE, { id, input: { platformName: 'Insalata della casa', platformPrice: '9.90' } });
    expect(res.errors).toBeUndefined();
    expect(res.data.updatePlatformAssignment).toMatchObject({ platformName: 'Insalata della casa', platformPrice: '9.90', syncStatus: 'PENDING' });
    await until(async () => (p.sandbox.control.item(p.products.salad)?.name === 'Insalata della casa' ? true : undefined), 'new name on the platform', 10_000);
    expect(p.sandbox.control.item(p.products.salad)?.price).toBe(9.9);

    const menu = await h.api.prisma.menuItem.findUniqueOrThrow({ where: { id: k.menu.salad } });
    expect((await h.api.gql(owner, UPDATE, { id, input: { platformName: null, platformPrice: null } })).errors).toBeUndefined();
    await until(async () => (p.sandbox.control.item(p.products.salad)?.name === menu.name ? true : undefined), 'menu name back on the platform', 10_000);
    expect(p.sandbox.control.item(p.products.salad)?.price).toBe(Number(menu.price));
  });

  it('suspends a dish outside its hours and offers it again when the hours cover now', async () => {
    const { k, p, owner, assignmentOf } = await setup();
    const id = await assignmentOf(k.menu.pizza);
    // A one-minute window twelve hours from now, every day: whatever the time zone, not now.
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const later = new Date(Date.now() + 12 * 3_600_000);
    const closed = await h.api.gql(owner, UPDATE, { id, input: { availableFrom: hhmm(later), availableTo: hhmm(new Date(later.getTime() + 60_000)) } });
    expect(closed.errors).toBeUndefined();
    await until(async () => (p.sandbox.control.item(p.products.pizza)?.available === false ? true : undefined), 'pizza suspended outside its hours', 10_000);

    const allDay = await h.api.gql(owner, UPDATE, { id, input: { availableFrom: null, availableTo: null, availableDays: [1, 2, 3, 4, 5, 6, 7] } });
    expect(allDay.data.updatePlatformAssignment).toMatchObject({ availableFrom: null, availableTo: null, availableDays: [1, 2, 3, 4, 5, 6, 7] });
    await until(async () => (p.sandbox.control.item(p.products.pizza)?.available === true ? true : undefined), 'pizza offered again', 10_000);
  });

  it('rejects bad hours, prices and weekdays naming the field, and answers NOT_FOUND across tenants', async () => {
    const { k, owner, assignmentOf } = await setup();
    const other = await setup();
    const id = await assignmentOf(k.menu.salad);
    const before = await h.api.prisma.productPlatformAssignment.findUniqueOrThrow({ where: { id } });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ availableFrom: '25:00', availableTo: '26:00' }, /availableFrom.*HH:MM/],
      [{ availableFrom: '11:00' }, /availableTo.*go together/],
      [{ platformPrice: '-3' }, /platformPrice/],
      [{ availableDays: [0] }, /availableDays.*weekdays/],
      [{ availableDays: [] }, /availableDays/],
    ];
    for (const [input, message] of cases) {
      const res = await h.api.gql(owner, UPDATE, { id, input });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      expect(res.errors?.[0].message).toMatch(message);
    }
    const crossTenant = await h.api.gql(other.owner, UPDATE, { id, input: { platformName: 'Hijacked' } });
    expect(crossTenant.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await h.api.prisma.productPlatformAssignment.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});
