import { addWeeks, daysOf, shiftSpan, startOfWeek } from './week';

describe('shift planner weeks', () => {
  it('starts a week on Monday at midnight, from any day of it, Sunday too', () => {
    expect(startOfWeek(new Date(2026, 11, 9, 15, 30))).toEqual(new Date(2026, 11, 7));
    expect(startOfWeek(new Date(2026, 11, 13, 23, 59))).toEqual(new Date(2026, 11, 7));
    expect(startOfWeek(new Date(2026, 11, 7, 0, 0))).toEqual(new Date(2026, 11, 7));
    expect(daysOf(new Date(2026, 11, 7)).map((d) => d.getDate())).toEqual([7, 8, 9, 10, 11, 12, 13]);
    expect(addWeeks(new Date(2026, 11, 28), 1)).toEqual(new Date(2027, 0, 4));
  });

  it('reads an end at or before the start as the next day, and refuses what is not a time', () => {
    expect(shiftSpan('2026-12-14', '09:00', '17:00')).toEqual({ startsAt: new Date(2026, 11, 14, 9), endsAt: new Date(2026, 11, 14, 17), overnight: false });
    expect(shiftSpan('2026-12-31', '22:00', '06:00')).toEqual({ startsAt: new Date(2026, 11, 31, 22), endsAt: new Date(2027, 0, 1, 6), overnight: true });
    expect(shiftSpan('2026-12-14', '', '17:00')).toBeNull();
  });
});
