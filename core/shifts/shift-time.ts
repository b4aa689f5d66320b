/**
 * Times in messages as the kitchen reads them: day and clock time in the restaurant's time zone,
 * which is the server's (as "today" in core/analytics/day-range.ts), not UTC ISO strings.
 */
const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const clock = (d: Date) => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** "2026-12-07 18:00". */
export const moment = (d: Date): string => `${day(d)} ${clock(d)}`;

/** "2026-12-07 18:00 to 22:00"; the end's day only when it is another day. */
export const span = (from: Date, to: Date): string => `${moment(from)} to ${day(from) === day(to) ? clock(to) : moment(to)}`;
