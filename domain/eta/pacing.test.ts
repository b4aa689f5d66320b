import { at, MIN, NOW } from './fixtures';
import { planItemFireTimes } from './pacing';

const items = [
  { orderItemId: 'pizza', criticalPathMs: 12 * MIN },
  { orderItemId: 'salad', criticalPathMs: 2 * MIN },
  { orderItemId: 'fries', criticalPathMs: 5 * MIN },
];

describe('planItemFireTimes', () => {
  it('fires the longest item now and the others so every item finishes with it', () => {
    expect(planItemFireTimes({ now: NOW, items, priority: 0 })).toEqual({ pizza: NOW, salad: at(10), fries: at(7) });
  });

  it('paces high-priority orders like normal ones', () => {
    expect(planItemFireTimes({ now: NOW, items, priority: 1 })).toEqual({ pizza: NOW, salad: at(10), fries: at(7) });
  });

  it('fires every item of an urgent order now', () => {
    expect(planItemFireTimes({ now: NOW, items, priority: 2, requestedAt: at(60) })).toEqual({ pizza: NOW, salad: NOW, fries: NOW });
  });

  it('fires shorter items a buffer earlier, but never the longest one', () => {
    const plan = planItemFireTimes({ now: NOW, items, priority: 0, bufferMs: MIN });
    expect(plan).toEqual({ pizza: NOW, salad: at(9), fries: at(6) });
  });

  it('schedules an order for later so the longest item is ready exactly at the requested time', () => {
    expect(planItemFireTimes({ now: NOW, items, priority: 0, requestedAt: at(45) })).toEqual({ pizza: at(33), salad: at(43), fries: at(40) });
  });

  it('never fires in the past when the requested time is too close or already gone', () => {
    expect(planItemFireTimes({ now: NOW, items, priority: 0, requestedAt: at(5) })).toEqual({ pizza: NOW, salad: at(10), fries: at(7) });
    expect(planItemFireTimes({ now: NOW, items, priority: 0, requestedAt: at(-30) }).pizza).toBe(NOW);
  });

  it('fires a single item, or items of equal length, now', () => {
    const twins = [
      { orderItemId: 'a', criticalPathMs: 5 * MIN },
      { orderItemId: 'b', criticalPathMs: 5 * MIN },
    ];
    expect(planItemFireTimes({ now: NOW, items: twins, priority: 0, bufferMs: MIN })).toEqual({ a: NOW, b: NOW });
    expect(planItemFireTimes({ now: NOW, items: [], priority: 0 })).toEqual({});
  });
});
