import fc from 'fast-check';
import { expectedBackAt, rankRiders, riderAvailability, suggestRider, type RiderFacts } from './rider-suggestion';

const now = new Date('2026-12-07T19:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const rider = (name: string, facts: Partial<RiderFacts> = {}): RiderFacts => ({ id: `id-${name}`, name, onShift: true, outSince: null, waiting: 0, ...facts });
const available = (facts: RiderFacts[], travelMinutes = 15) => facts.map((f) => riderAvailability(f, { now, travelMinutes }));

describe('riderAvailability', () => {
  it('is free at the pass, out with an expected return of out since + travel × 2, or off shift', () => {
    const [free, out, off] = available([rider('Ada'), rider('Bo', { outSince: minutesAgo(10) }), rider('Cy', { onShift: false, outSince: minutesAgo(5) })]);
    expect(free).toMatchObject({ state: 'FREE', expectedBackAt: now });
    expect(out).toMatchObject({ state: 'OUT', expectedBackAt: new Date(now.getTime() + 20 * 60_000) });
    expect(off).toMatchObject({ state: 'OFF_SHIFT', expectedBackAt: null });
    expect(expectedBackAt(minutesAgo(0), 20)).toEqual(new Date(now.getTime() + 40 * 60_000));
  });
});

describe('suggestRider', () => {
  it('picks a free rider before any rider who is out', () => {
    expect(suggestRider(available([rider('Bo', { outSince: minutesAgo(29) }), rider('Zed')]))?.name).toBe('Zed');
  });

  it('among free riders, the one with fewer deliveries already waiting for them', () => {
    expect(suggestRider(available([rider('Ada', { waiting: 2 }), rider('Bo', { waiting: 1 })]))?.name).toBe('Bo');
  });

  it('among out riders, the one expected back soonest, an overdue one first', () => {
    const riders = available([rider('Ada', { outSince: minutesAgo(5) }), rider('Bo', { outSince: minutesAgo(45) }), rider('Cy', { outSince: minutesAgo(20) })]);
    expect(rankRiders(riders).map((r) => r.name)).toEqual(['Bo', 'Cy', 'Ada']);
  });

  it('never suggests a rider who is off shift, and nobody when nobody is on shift', () => {
    expect(suggestRider(available([rider('Ada', { onShift: false }), rider('Bo', { outSince: minutesAgo(1) })]))?.name).toBe('Bo');
    expect(suggestRider(available([rider('Ada', { onShift: false })]))).toBeNull();
  });

  it('ranks any set of riders free first, then by return, and the same whatever order they come in', () => {
    const facts = fc.record({
      name: fc.string({ minLength: 1, maxLength: 4 }),
      onShift: fc.boolean(),
      out: fc.option(fc.integer({ min: 0, max: 120 })),
      waiting: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(facts, { selector: (f) => f.name, maxLength: 8 }), (list) => {
        const riders = available(
          list.map((f) => rider(f.name, { onShift: f.onShift, outSince: f.out === null ? null : minutesAgo(f.out), waiting: f.waiting })),
        );
        const ranked = rankRiders(riders);
        expect(ranked.every((r) => r.state !== 'OFF_SHIFT')).toBe(true);
        expect(ranked).toHaveLength(riders.filter((r) => r.state !== 'OFF_SHIFT').length);
        const firstOut = ranked.findIndex((r) => r.state === 'OUT');
        if (firstOut >= 0) expect(ranked.slice(firstOut).every((r) => r.state === 'OUT')).toBe(true);
        const backs = ranked.filter((r) => r.state === 'OUT').map((r) => r.expectedBackAt!.getTime());
        expect(backs).toEqual([...backs].sort((a, b) => a - b));
        expect(rankRiders([...riders].reverse()).map((r) => r.id)).toEqual(ranked.map((r) => r.id));
      }),
    );
  });
});
