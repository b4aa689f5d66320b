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
