// Fire-by-prep-time: an order's items are started so they finish together, so the salad is
// not wilting next to the pass while the pizza still has ten minutes in the oven.

export const URGENT_PRIORITY = 2;

export interface PacedItem {
  orderItemId: string;
  /** Longest chain of the item's remaining tasks, in ms (recipe critical path, learned durations). */
  criticalPathMs: number;
}

/**
 * Fire time per item. The longest item is the anchor: it fires now (or, for an order scheduled
 * for `requestedAt`, so it is ready exactly then, never in the past). Every shorter item fires
 * so it finishes with the anchor, `bufferMs` earlier to absorb variance (default 0). Urgent
 * orders fire everything now: speed beats finishing together. High priority (1) paces like
 * normal; it matters in the station queues instead.
 */
export function planItemFireTimes(opts: {
  now: number;
  items: PacedItem[];
  priority: number;
  requestedAt?: number | null;
  bufferMs?: number;
}): Record<string, number> {
  const { now, items } = opts;
  const fireAt: Record<string, number> = {};
  if (opts.priority >= URGENT_PRIORITY) {
    for (const item of items) fireAt[item.orderItemId] = now;
    return fireAt;
  }
  const length = (item: PacedItem) => (Number.isFinite(item.criticalPathMs) ? Math.max(0, item.criticalPathMs) : 0);
  const longest = items.reduce((max, item) => Math.max(max, length(item)), 0);
  const anchorReady = Math.max(now + longest, opts.requestedAt ?? -Infinity);
  const buffer = Math.max(0, opts.bufferMs ?? 0);
  for (const item of items) {
    const exact = anchorReady - length(item);
    const padded = length(item) === longest ? exact : exact - buffer;
    fireAt[item.orderItemId] = Math.max(now, padded);
  }
  return fireAt;
}

/**
 * The fire times of an order's open items as the kitchen plans them: the same call wherever
 * the plan is made (the order workflow, or the API firing at the counter), so both agree.
 */
export function planOrderFireTimes(
  plan: { priority: number; requestedAt: string | null; items: Array<{ orderItemId: string; criticalPathMinutes: number }> },
  now: number,
): Record<string, number> {
  return planItemFireTimes({
    now,
    items: plan.items.map((i) => ({ orderItemId: i.orderItemId, criticalPathMs: i.criticalPathMinutes * 60_000 })),
    priority: plan.priority,
    requestedAt: plan.requestedAt ? Date.parse(plan.requestedAt) : null,
  });
}

/** An order item as the order sees it while it re-paces (times in epoch ms). */
export interface LiveItem {
  orderItemId: string;
  /** WAITING: nothing started yet (it may still be before its fire time); STARTED: a task started. */
  status: 'WAITING' | 'STARTED' | 'DONE' | 'CANCELLED' | 'FAILED';
  /** The fire time planned so far; null = fire at once. */
  fireAt: number | null;
  criticalPathMs: number;
  /** When the latest kitchen forecast (ETA run) has this item ready; null or absent = unknown. */
  forecastReadyAt?: number | null;
  /** The fire time that forecast assumed (the stored planned start; it may lag `fireAt` by one write). */
  forecastFireAt?: number | null;
}

/**
 * The smallest move worth telling an item: 1 % of its own path, at least 1 s, so a forecast that
 * wobbles by seconds does not re-signal a ten-minute dish (relative, like every pacing constant).
 */
export const repaceMinMoveMs = (criticalPathMs: number): number => Math.max(1_000, 0.01 * Math.max(0, criticalPathMs));

/**
 * Re-plans the fire times of the items still waiting for theirs from the kitchen's live forecast,
 * so they keep finishing with the anchor. The anchor is what is already cooking: the fired open
 * items (started, or past their fire time), whose latest forecast ready time is the target; each
 * waiting item then fires its own lead before it (its path, or longer when the forecast shows it
 * queueing at its station), never in the past. Once every fired item is done the rest fire now.
 * Returns only the items whose fire time moves by at least `repaceMinMoveMs`; nothing while no
 * item has fired (a scheduled order before its anchor's time) or a fired item has no forecast.
 * Urgent orders fire everything now.
 */
export function replanFireTimes(opts: { now: number; priority: number; items: LiveItem[]; forecastAt?: number }): Record<string, number> {
  const { now, items } = opts;
  const forecastAt = opts.forecastAt ?? now;
  const waitingToFire = (i: LiveItem) => i.status === 'WAITING' && i.fireAt !== null && i.fireAt > now;
  const waiting = items.filter(waitingToFire);
  const moves: Record<string, number> = {};
  if (waiting.length === 0) return moves;
  if (opts.priority >= URGENT_PRIORITY) {
    for (const item of waiting) moves[item.orderItemId] = now;
    return moves;
  }
  const cooking = items.filter((i) => !waitingToFire(i) && (i.status === 'WAITING' || i.status === 'STARTED'));
  let target: number;
  if (cooking.length > 0) {
    const forecasts = cooking.map((i) => i.forecastReadyAt);
    if (forecasts.some((f) => f === null || f === undefined || !Number.isFinite(f))) return moves;
    target = Math.max(...(forecasts as number[]));
  } else if (items.some((i) => i.status === 'DONE')) target = now;
  else return moves;

  for (const item of waiting) {
    const path = Number.isFinite(item.criticalPathMs) ? Math.max(0, item.criticalPathMs) : 0;
    // A waiting item's forecast is the fire time it assumed plus its lead as the kitchen stands (station queues included).
    const known = item.forecastReadyAt != null && item.forecastFireAt != null && Number.isFinite(item.forecastReadyAt - item.forecastFireAt);
    const forecastLead = known ? item.forecastReadyAt! - Math.max(item.forecastFireAt!, forecastAt) : 0;
    const next = Math.max(now, target - Math.max(path, forecastLead));
    if (Math.abs(next - item.fireAt!) >= repaceMinMoveMs(path)) moves[item.orderItemId] = next;
  }
  return moves;
}
