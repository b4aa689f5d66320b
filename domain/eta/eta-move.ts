// When a recalculated ETA is worth rewriting and announcing. A share of the time left, not a fixed
// number of seconds: 30 s means nothing 40 minutes out but much a minute before the pass, and
// weighs ten times more on a clock compressed ten times (`npm run simulate -- --speed 10`).

/** An ETA is rewritten once it moved by this share of the time left until it: 30 s for an order 20 minutes out. */
export const ETA_MOVE_SHARE = 0.025;
/** ...and by at least this much, so an ETA due now is not rewritten for every millisecond. */
export const ETA_MOVE_MIN_MS = 1_000;

/** True when `next` differs enough from the `stored` ETA (null: none stored yet) to rewrite it at `now`. */
export function etaMoved(stored: number | null, next: number, now: number): boolean {
  if (stored === null) return true;
  const left = Math.max(0, Math.min(stored, next) - now);
  return Math.abs(stored - next) >= Math.max(ETA_MOVE_MIN_MS, left * ETA_MOVE_SHARE);
}
