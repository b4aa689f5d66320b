import fc from 'fast-check';
import { at, MIN, NOW, queued, station, task } from './fixtures';
import { quoteItems } from './quote';
import type { SimTask } from './types';

const oven = [station('oven', ['forno'], 1), station('pass', ['packaging'], 1)];
const pizza = (): SimTask[] => [
  task('bake', 8, { orderId: 'draft', orderItemId: 'draft' }),
  task('box', 1, { orderId: 'draft', orderItemId: 'draft', stationType: 'packaging', dependsOn: ['bake'] }),
];

describe('quoteItems', () => {
  it('quotes an empty kitchen with the recipe chain of each new item', () => {
    const quote = quoteItems({ now: NOW, stations: oven, tasks: [], newItems: [{ key: 'margherita', tasks: pizza() }] });
    expect(quote).toEqual({ readyAt: at(9), perItem: { margherita: at(9) }, unschedulableItems: [], unstaffed: [], readySamples: null });
  });

  it('lines the new order up behind existing work of equal priority, even work that becomes ready at the same instant', () => {
    const tasks = [
      queued('z-queued', 5, 1, { stationId: 'oven' }),
      // Pending and ready now, like the new order; its id sorts after "quote:", yet it goes first.
      task('zz-pending', 3, { orderId: 'o2', orderItemId: 'i2' }),
    ];
    const quote = quoteItems({ now: NOW, stations: oven, tasks, newItems: [{ key: 'a', tasks: pizza() }] });
    expect(quote.perItem.a).toBe(at(5 + 3 + 8 + 1));
  });

  it('lets an urgent new order go ahead of normal queued work', () => {
    const urgent = pizza().map((t) => ({ ...t, priority: 2 }));
    const quote = quoteItems({
      now: NOW,
      stations: oven,
      tasks: [task('cooking', 4, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'oven' }), queued('waiting', 10, 5, { stationId: 'oven' })],
      newItems: [{ key: 'rush', tasks: urgent }],
    });
    expect(quote.readyAt).toBe(at(4 + 8 + 1));
  });

  it('quotes several items of one order and reports the order ready when the last one is', () => {
    const salad = [task('toss', 2, { stationType: 'Cold' })];
    const quote = quoteItems({
      now: NOW,
      stations: [...oven, station('cold', ['cold'])],
      tasks: [],
      newItems: [
        { key: 'pizza-1', tasks: pizza() },
        { key: 'pizza-2', tasks: pizza() },
        { key: 'salad', tasks: salad },
      ],
    });
    expect(quote.perItem).toEqual({ 'pizza-1': at(9), 'pizza-2': at(17), salad: at(2) });
    expect(quote.readyAt).toBe(at(17));
  });

  it('ignores state copied into the hypothetical tasks: they are neither queued, started nor assigned', () => {
    const copied = pizza().map((t) => ({ ...t, status: 'DONE' as const, completedAt: NOW - MIN, stationId: 'elsewhere', queuedAt: NOW - 60 * MIN }));
    const quote = quoteItems({ now: NOW, stations: oven, tasks: [queued('first', 5, 1)], newItems: [{ key: 'p', tasks: copied }] });
    expect(quote.perItem.p).toBe(at(5 + 8 + 1));
  });

  it('reports an item whose station type no active station serves instead of quoting it', () => {
    const sushi = [task('roll', 6, { stationType: 'sushi' })];
    const quote = quoteItems({
      now: NOW,
      stations: oven,
      tasks: [],
      newItems: [
        { key: 'sushi', tasks: sushi },
        { key: 'p', tasks: pizza() },
      ],
    });
    expect(quote.unschedulableItems).toEqual(['sushi']);
    expect(quote.perItem).toEqual({ p: at(9) });
  });

  it('quotes an item without tasks (a canned drink) as ready now', () => {
    const quote = quoteItems({ now: NOW, stations: oven, tasks: [], newItems: [{ key: 'cola', tasks: [] }] });
    expect(quote).toEqual({ readyAt: NOW, perItem: { cola: NOW }, unschedulableItems: [], unstaffed: [], readySamples: null });
  });

  it('never mutates the kitchen or the new items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 3 }), (existing, copies) => {
        const tasks = Array.from({ length: existing }, (_, i) => queued(`q${i}`, 1 + i, i, { stationId: i % 2 ? 'oven' : null }));
        const newItems = Array.from({ length: copies }, (_, i) => ({ key: `k${i}`, tasks: pizza() }));
        const input = { now: NOW, stations: oven, tasks, newItems };
        const before = structuredClone(input);
        deepFreeze(input);
        const quote = quoteItems(input);
        expect(input).toEqual(before);
        expect(quote.readyAt).toBeGreaterThanOrEqual(at(9));
      }),
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('quoteItems: the sampled spread', () => {
  it('samples the order ready time when its tasks have a learned spread, reproducibly', () => {
    const spread = () => pizza().map((t) => ({ ...t, spread: 0.25 }));
    const quote = quoteItems({ now: NOW, stations: oven, tasks: [], newItems: [{ key: 'm', tasks: spread() }] });
    expect(quote.readySamples).toHaveLength(40);
    expect(quote.readySamples!.some((t) => t < quote.readyAt) && quote.readySamples!.some((t) => t > quote.readyAt)).toBe(true);
    expect(quoteItems({ now: NOW, stations: oven, tasks: [], newItems: [{ key: 'm', tasks: spread() }] }).readySamples).toEqual(quote.readySamples);
    expect(quoteItems({ now: NOW, stations: oven, tasks: [], newItems: [{ key: 'm', tasks: spread() }], sampledRuns: 0 }).readySamples).toBeNull();
  });
});
