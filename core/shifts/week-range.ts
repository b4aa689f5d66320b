/**
 * Weeks and days in the server's time zone, which is the restaurant's (as "today" in
 * core/analytics/day-range.ts): a week starts on Monday at midnight.
 */
export function weekRange(weekOf: Date): { startsAt: Date; endsAt: Date } {
  const start = new Date(weekOf);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() - ((start.getDay() + 6) % 7));
  const end = new Date(start);
  end.setDate(end.getDate() + 7);
  return { startsAt: start, endsAt: end };
}

export function dayRange(day: Date): { startsAt: Date; endsAt: Date } {
  const start = new Date(day);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { startsAt: start, endsAt: end };
}
