import { etaMoved } from './eta-move';
import { at, NOW } from './fixtures';

describe('etaMoved', () => {
  it('rewrites an ETA first stored, or one that moved by 2.5 % of the time left', () => {
    expect(etaMoved(null, at(20), NOW)).toBe(true);
    // 20 minutes out: 30 s is the threshold.
    expect(etaMoved(at(20), at(20) + 29_000, NOW)).toBe(false);
    expect(etaMoved(at(20), at(20) + 30_000, NOW)).toBe(true);
    // 2 minutes out: 3 s already counts.
    expect(etaMoved(at(2), at(2) + 3_000, NOW)).toBe(true);
    expect(etaMoved(at(2), at(2) + 2_000, NOW)).toBe(false);
  });

  it('scales with the clock: the same order ten times faster has a threshold ten times smaller', () => {
    const slow = etaMoved(at(20), at(20) + 20_000, NOW);
    const fast = etaMoved(at(2), at(2) + 2_000, NOW);
    expect([slow, fast]).toEqual([false, false]);
    expect([etaMoved(at(20), at(20) + 40_000, NOW), etaMoved(at(2), at(2) + 4_000, NOW)]).toEqual([true, true]);
  });

  it('needs at least a second for an ETA due now or past, and measures from the earlier of the two', () => {
    expect(etaMoved(NOW - 60_000, NOW - 59_500, NOW)).toBe(false);
    expect(etaMoved(NOW - 60_000, NOW - 58_000, NOW)).toBe(true);
    // Pulled in from 40 to 2 minutes: moved, whatever the share of 40 minutes.
    expect(etaMoved(at(40), at(2), NOW)).toBe(true);
  });
});
