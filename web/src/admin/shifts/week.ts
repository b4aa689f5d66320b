/**
 * Week and day arithmetic for the shift planner, in the browser's time zone (the restaurant's, as
 * the server's): weeks start on Monday. Pure, so it is tested without a browser.
 */
import { activeFormat } from '../../i18n/i18n';

const DAY_MS = 86_400_000;

export function startOfWeek(day: Date): Date {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  return start;
}

/** The seven days from Monday (each local midnight). */
export function daysOf(weekStart: Date): Date[] {
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(weekStart);
    d.setDate(d.getDate() + i);
    return d;
  });
}

export function addWeeks(weekStart: Date, weeks: number): Date {
  const d = new Date(weekStart);
  d.setDate(d.getDate() + 7 * weeks);
  return d;
}

/** A shift shows on the day it starts. */
export function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** `YYYY-MM-DD` of a local date, as <input type="date"> holds it. */
export function dateInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A shift from a day and two clock times (`HH:MM`). An end at or before the start is the next
 * day: a closing shift from 18:00 to 02:00 is eight hours, not minus sixteen.
 */
export function shiftSpan(day: string, start: string, end: string): { startsAt: Date; endsAt: Date; overnight: boolean } | null {
  const at = (time: string) => {
    const [y, m, d] = day.split('-').map(Number);
    const [h, min] = time.split(':').map(Number);
    const value = new Date(y, m - 1, d, h, min);
    return [y, m, d, h, min].some((n) => Number.isNaN(n)) || Number.isNaN(value.getTime()) ? null : value;
  };
  const startsAt = at(start);
  let endsAt = at(end);
  if (!startsAt || !endsAt) return null;
  const overnight = endsAt <= startsAt;
  if (overnight) endsAt = new Date(endsAt.getTime() + DAY_MS);
  return { startsAt, endsAt, overnight };
}

export const clock = (iso: string) => activeFormat().time(iso);
export const weekday = (d: Date) => activeFormat().day(d);
