import fc from 'fast-check';
import { DEFAULT_TRAVEL_MINUTES, LEARNED_TRIPS, learnedTravelMinutes, MIN_LEARNED_TRIPS, travelTime, tripMinutes, type Trip } from './travel-time';

const T0 = Date.parse('2026-12-07T19:00:00Z');
/** Trips of these lengths in minutes, latest first. */
const trips = (...minutes: number[]): Trip[] =>
  minutes.map((m, i) => ({ pickedUpAt: new Date(T0 - i * 3_600_000), deliveredAt: new Date(T0 - i * 3_600_000 + m * 60_000) }));

describe('travelTime', () => {
  it('plans with the default when the tenant set nothing and nothing was delivered', () => {
    expect(travelTime(null, [])).toEqual({ minutes: DEFAULT_TRAVEL_MINUTES, configuredMinutes: 20, learnedMinutes: null, trips: 0 });
  });

  it("keeps the tenant's setting below five delivered trips", () => {
    expect(travelTime(25, trips(10, 11, 12, 13))).toEqual({ minutes: 25, configuredMinutes: 25, learnedMinutes: null, trips: 4 });
  });

  it('learns the median of the trips from the fifth on, so one forgotten tap does not move it', () => {
    expect(travelTime(25, trips(10, 11, 12, 13, 170))).toEqual({ minutes: 12, configuredMinutes: 25, learnedMinutes: 12, trips: 5 });
    expect(travelTime(25, trips(10, 11, 12, 13, 14, 15)).minutes).toBe(13); // even count: the mean of the middle two, rounded
  });

  it(`looks at the latest ${LEARNED_TRIPS} trips only`, () => {
    const recent = Array.from({ length: LEARNED_TRIPS }, () => 8);
    expect(travelTime(null, trips(...recent, ...Array.from({ length: 30 }, () => 40)))).toMatchObject({ minutes: 8, trips: LEARNED_TRIPS });
  });

  it('ignores impossible trips and settings out of range', () => {
    expect(tripMinutes(trips(-3, 0, 500, 12))).toEqual([12]);
    expect(travelTime(0, []).configuredMinutes).toBe(DEFAULT_TRAVEL_MINUTES);
    expect(travelTime(2.5, []).configuredMinutes).toBe(DEFAULT_TRAVEL_MINUTES);
    expect(travelTime(999, []).configuredMinutes).toBe(DEFAULT_TRAVEL_MINUTES);
  });

  it('learns a whole number of minutes within the range of the trips it looked at', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 180, noNaN: true }), { minLength: MIN_LEARNED_TRIPS, maxLength: 40 }), (minutes) => {
        const learned = learnedTravelMinutes(minutes)!;
        const used = minutes.slice(0, LEARNED_TRIPS);
        expect(Number.isInteger(learned)).toBe(true);
        expect(learned).toBeGreaterThanOrEqual(Math.max(1, Math.floor(Math.min(...used))));
        expect(learned).toBeLessThanOrEqual(Math.ceil(Math.max(...used)));
      }),
    );
  });
});
