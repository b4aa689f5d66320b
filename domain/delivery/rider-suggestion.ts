// Which rider to send next: the one back at the pass soonest. Pure, so the rule is read and
// tested here, and the dispatch board (core/delivery/list-dispatch-board.ts) only gathers facts.

export type RiderState = 'FREE' | 'OUT' | 'OFF_SHIFT';

export interface RiderFacts {
  id: string;
  name: string;
  onShift: boolean;
  /** Earliest pickup among the deliveries the rider is carrying now; null: at the pass. */
  outSince: Date | null;
  /** Deliveries assigned to the rider and not picked up yet. */
  waiting: number;
}

export interface RiderAvailability extends RiderFacts {
  state: RiderState;
  /** FREE: now. OUT: out since + travel time × 2 (there and back). OFF_SHIFT: null. */
  expectedBackAt: Date | null;
}

/** Out riders come back after the trip there and the trip back. */
export function expectedBackAt(outSince: Date, travelMinutes: number): Date {
  return new Date(outSince.getTime() + 2 * Math.max(0, travelMinutes) * 60_000);
}

export function riderAvailability(rider: RiderFacts, opts: { now: Date; travelMinutes: number }): RiderAvailability {
  if (!rider.onShift) return { ...rider, state: 'OFF_SHIFT', expectedBackAt: null };
  if (rider.outSince) return { ...rider, state: 'OUT', expectedBackAt: expectedBackAt(rider.outSince, opts.travelMinutes) };
  return { ...rider, state: 'FREE', expectedBackAt: opts.now };
}

/**
 * The riders who may take a delivery, best first: free riders before out ones; among free riders
 * the one with fewer deliveries already waiting for them; out riders by their expected return
 * (an overdue rider is expected any moment, so still before one who left later). Ties: by name,
 * then id, so the suggestion does not flicker between refreshes. Off-shift riders are never suggested.
 */
export function rankRiders(riders: readonly RiderAvailability[]): RiderAvailability[] {
  const rank = (r: RiderAvailability) => (r.state === 'FREE' ? 0 : 1);
  return riders
    .filter((r) => r.state !== 'OFF_SHIFT')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.state === 'FREE' ? a.waiting - b.waiting : a.expectedBackAt!.getTime() - b.expectedBackAt!.getTime()) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
}

/** The rider to suggest for the next delivery, or null when nobody is on shift. */
export function suggestRider(riders: readonly RiderAvailability[]): RiderAvailability | null {
  return rankRiders(riders)[0] ?? null;
}
