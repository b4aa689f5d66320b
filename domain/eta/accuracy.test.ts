import { accuracyOf } from './accuracy';
import { at } from './fixtures';

describe('accuracyOf', () => {
  it('gives MAE, bias (negative: optimistic), the share within the tolerance and the late share', () => {
    const a = accuracyOf(
      [
        { predicted: at(10), actual: at(12) },
        { predicted: at(10), actual: at(14) },
        { predicted: at(10), actual: at(7) },
      ],
      3,
    );
    expect(a.count).toBe(3);
    expect(a.maeMinutes).toBeCloseTo(3);
    expect(a.biasMinutes).toBeCloseTo(-1);
    expect(a.withinShare).toBeCloseTo(2 / 3);
    expect(a.lateShare).toBeCloseTo(1 / 3);
    expect(a.coverage).toBeNull();
  });

  it('counts coverage over the points that came with an interval', () => {
    const a = accuracyOf(
      [
        { predicted: at(10), actual: at(12), from: at(8), to: at(12) },
        { predicted: at(10), actual: at(13), from: at(8), to: at(12) },
        { predicted: at(10), actual: at(30) },
      ],
      3,
    );
    expect(a.coverage).toBe(0.5);
  });

  it('answers nulls for no points', () => {
    expect(accuracyOf([], 3)).toEqual({ count: 0, maeMinutes: null, biasMinutes: null, withinShare: null, lateShare: null, coverage: null });
  });
});
