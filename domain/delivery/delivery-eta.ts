// When a delivery order reaches the customer: the kitchen's ready time plus the travel time,
// and better known the further the order has come. Pure, shared by the API and its tests.

export interface DeliveryEtaInput {
  /** The kitchen's ready time: when it was ready, else its ETA (null: not estimated yet). */
  readyAt: Date | null;
  /** When the rider left with it. */
  pickedUpAt: Date | null;
  /** When it was handed over: the ETA is then the fact. */
  deliveredAt: Date | null;
  travelMinutes: number;
  now: Date;
}

/**
 * Delivered: when it was. Out: when the rider left plus the travel time, and never in the past
 * (a late rider is still on the way). Not out yet: it cannot leave before it is ready, nor before
 * now. Null while the kitchen has no ready time.
 */
export function deliveredBy({ readyAt, pickedUpAt, deliveredAt, travelMinutes, now }: DeliveryEtaInput): Date | null {
  if (deliveredAt) return deliveredAt;
  const travelMs = Math.max(0, travelMinutes) * 60_000;
  if (pickedUpAt) return new Date(Math.max(pickedUpAt.getTime() + travelMs, now.getTime()));
  if (!readyAt) return null;
  return new Date(Math.max(readyAt.getTime(), now.getTime()) + travelMs);
}
