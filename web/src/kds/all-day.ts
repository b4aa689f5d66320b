import type { QueueTicket } from './kds-api';

export interface AllDayCount {
  itemName: string;
  quantity: number;
}

/**
 * "All day": how many of each dish are open at this station. Counted per order item, not per
 * ticket, so a pizza with two steps queued here still counts once (with its quantity).
 */
export function allDayCounts(tickets: QueueTicket[]): AllDayCount[] {
  const seen = new Set<string>();
  const totals = new Map<string, number>();
  for (const t of tickets) {
    const item = t.task.orderItem.id;
    if (seen.has(item)) continue;
    seen.add(item);
    totals.set(t.itemName, (totals.get(t.itemName) ?? 0) + t.quantity);
  }
  return [...totals.entries()]
    .map(([itemName, quantity]) => ({ itemName, quantity }))
    .sort((a, b) => b.quantity - a.quantity || a.itemName.localeCompare(b.itemName));
}
