/**
 * "Today" in the server's time zone, which is the restaurant's (the same rule as
 * `orders(date:)` in core/orders/list-orders.ts), so the dashboard and the order list agree.
 */
export function startOfToday(now: Date = new Date()): Date {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start;
}

export const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

export const round1 = (n: number) => Math.round(n * 10) / 10;
