import { parseSimArgs } from './args';
import { generateOrder } from './order-generator';
import { createRand } from './prng';
import { scaleRecipe } from './sim-menu';

const MENU = Array.from({ length: 8 }, (_, i) => ({ id: `dish-${i}`, name: `Dish ${i}` }));

describe('simulated orders', () => {
  it('places the same orders for the same seed', () => {
    const run = (seed: number) => {
      const rand = createRand(seed);
      return Array.from({ length: 20 }, () => generateOrder(rand, MENU, { allowScheduled: true }));
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
  });

  it('orders one to four different dishes, in quantities of one to three, scheduled only when allowed', () => {
    const rand = createRand(11);
    const orders = Array.from({ length: 2_000 }, () => generateOrder(rand, MENU, { allowScheduled: false }));
    for (const o of orders) {
      expect(o.items.length).toBeGreaterThanOrEqual(1);
      expect(o.items.length).toBeLessThanOrEqual(4);
      expect(new Set(o.items.map((i) => i.menuItemId)).size).toBe(o.items.length);
      for (const i of o.items) expect([1, 2, 3]).toContain(i.quantity);
      expect(o.scheduledInMinutes).toBeNull();
    }
    expect(new Set(orders.map((o) => o.items.length))).toEqual(new Set([1, 2, 3, 4]));
    expect(orders.some((o) => o.priority === 2)).toBe(true);
    const scheduled = Array.from({ length: 1_000 }, () => generateOrder(rand, MENU, { allowScheduled: true })).filter((o) => o.scheduledInMinutes !== null);
    expect(scheduled.length).toBeGreaterThan(50);
    expect(scheduled.every((o) => o.priority === 0)).toBe(true);
  });

  it('divides every recipe estimate by the speed, to the tenth of a minute the database keeps', () => {
    const recipe = { phases: [{ tasks: [{ estimated_minutes: 2 }, { estimated_minutes: 1 }, { estimated_minutes: 0.2 }] }] };
    const scaled = scaleRecipe(recipe, 5);
    expect(scaled.phases[0].tasks.map((t) => t.estimated_minutes)).toEqual([0.4, 0.2, 0.1]);
    expect(scaleRecipe(recipe, 3).phases[0].tasks[1].estimated_minutes).toBe(0.3);
    expect(recipe.phases[0].tasks[0].estimated_minutes).toBe(2); // the original is untouched
  });

  it('accepts only a Brigade on this machine and fills in the documented defaults', () => {
    expect(parseSimArgs([])).toEqual({ ordersPerHour: 20, minutes: 5, speed: 10, seed: 1, url: 'http://127.0.0.1:4000', maxOrders: 400 });
    expect(parseSimArgs(['--orders-per-hour', '60', '--minutes=2', '--url', 'http://localhost:4711/']).url).toBe('http://localhost:4711');
    expect(() => parseSimArgs(['--url', 'http://example.com:4000'])).toThrow(/this machine/);
    expect(() => parseSimArgs(['--speed', '0'])).toThrow(/--speed/);
    expect(() => parseSimArgs(['--bogus', '1'])).toThrow(/Unknown option/);
  });
});
