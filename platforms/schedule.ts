/**
 * When a dish is offered on a platform: an optional daily window (HH:MM, from–to; a window that
 * ends before it starts runs past midnight, e.g. 18:00–02:00) on some weekdays (ISO, 1 = Monday).
 * Evaluated in the restaurant's time zone. Pure, so the rules are tested without a clock.
 */
export interface PlatformSchedule {
  availableFrom: string | null;
  availableTo: string | null;
  availableDays: number[];
}

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Weekday (1–7) and minute of the day at `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { weekday: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: WEEKDAYS[get('weekday')] ?? 1, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isWithinSchedule(at: Date, schedule: PlatformSchedule, timeZone: string): boolean {
  const { weekday, minute } = localTime(at, timeZone);
  const days = schedule.availableDays.length > 0 ? schedule.availableDays : [1, 2, 3, 4, 5, 6, 7];
  const { availableFrom: from, availableTo: to } = schedule;
  if (!from || !to) return days.includes(weekday);
  const start = minutesOf(from);
  const end = minutesOf(to);
  if (start <= end) return days.includes(weekday) && minute >= start && minute < end;
  // Past midnight: the early-morning part belongs to the day the window opened.
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return (days.includes(weekday) && minute >= start) || (days.includes(yesterday) && minute < end);
}
