import { isWithinSchedule, localTime } from './schedule';

// 2026-11-23 is a Monday.
const at = (iso: string) => new Date(iso);
const lunch = { availableFrom: '11:30', availableTo: '15:00', availableDays: [1, 2, 3, 4, 5] };

describe('platform schedules', () => {
  it('reads the weekday and minute in the restaurant time zone', () => {
    expect(localTime(at('2026-11-23T10:15:00Z'), 'UTC')).toEqual({ weekday: 1, minute: 615 });
    // 23:30 UTC on Monday is already Tuesday 00:30 in Rome.
    expect(localTime(at('2026-11-23T23:30:00Z'), 'Europe/Rome')).toEqual({ weekday: 2, minute: 30 });
  });

  it('offers a lunch dish on weekdays inside the window only, end exclusive', () => {
    expect(isWithinSchedule(at('2026-11-23T11:30:00Z'), lunch, 'UTC')).toBe(true);
    expect(isWithinSchedule(at('2026-11-23T14:59:00Z'), lunch, 'UTC')).toBe(true);
    expect(isWithinSchedule(at('2026-11-23T15:00:00Z'), lunch, 'UTC')).toBe(false);
    expect(isWithinSchedule(at('2026-11-23T11:29:00Z'), lunch, 'UTC')).toBe(false);
    expect(isWithinSchedule(at('2026-11-28T12:00:00Z'), lunch, 'UTC')).toBe(false); // Saturday
  });

  it('runs a late window past midnight, counting the early hours to the day it opened', () => {
    const late = { availableFrom: '18:00', availableTo: '02:00', availableDays: [5] }; // Friday nights
    expect(isWithinSchedule(at('2026-11-27T19:00:00Z'), late, 'UTC')).toBe(true); // Fri 19:00
    expect(isWithinSchedule(at('2026-11-28T01:30:00Z'), late, 'UTC')).toBe(true); // Sat 01:30, Friday's night
    expect(isWithinSchedule(at('2026-11-28T19:00:00Z'), late, 'UTC')).toBe(false); // Sat 19:00
    expect(isWithinSchedule(at('2026-11-27T01:30:00Z'), late, 'UTC')).toBe(false); // Fri 01:30 is Thursday's night
  });

  it('without a window offers the dish all day on its days, and every day when no day is listed', () => {
    expect(isWithinSchedule(at('2026-11-28T03:00:00Z'), { availableFrom: null, availableTo: null, availableDays: [6, 7] }, 'UTC')).toBe(true);
    expect(isWithinSchedule(at('2026-11-23T03:00:00Z'), { availableFrom: null, availableTo: null, availableDays: [6, 7] }, 'UTC')).toBe(false);
    expect(isWithinSchedule(at('2026-11-23T03:00:00Z'), { availableFrom: null, availableTo: null, availableDays: [] }, 'UTC')).toBe(true);
  });
});
