/**
 * Which events of the tenant's sequence (`meta.seq`, contracts/socket-events.ts) this client has
 * already applied. A duplicate (an event replayed on reconnect that also arrived live, or sent
 * twice) is dropped; `last()` is what the client resumes from after a disconnect.
 *
 * A window of recent seqs rather than "drop seq <= last": just after a reconnect an event can
 * arrive live a moment before an older one that is being replayed, and both must be applied.
 */
export interface SeqTracker {
  /** True the first time a seq is seen (apply the event), false for a duplicate or a too-old seq. */
  accept(seq: number): boolean;
  /** The highest seq applied or announced; undefined before the server said where we stand. */
  last(): number | undefined;
  /** The server has sent everything up to `seq` that we may read. */
  advance(seq: number): void;
  /** Start over at `seq` (the server could not replay what we missed; the app refetches instead). */
  reset(seq: number): void;
}

/** How far behind the newest seq an event may arrive and still be applied. */
export const SEQ_WINDOW = 2_000;

export function createSeqTracker(window = SEQ_WINDOW): SeqTracker {
  let max: number | undefined;
  let floor = -Infinity;
  let seen = new Set<number>();

  const prune = () => {
    if (max === undefined || seen.size <= 2 * window) return;
    seen = new Set([...seen].filter((s) => s > max! - window));
  };

  return {
    accept(seq) {
      if (seq <= floor || seen.has(seq)) return false;
      if (max !== undefined && seq <= max - window) return false;
      seen.add(seq);
      if (max === undefined || seq > max) max = seq;
      prune();
      return true;
    },
    last: () => max,
    advance(seq) {
      if (max === undefined || seq > max) max = seq;
    },
    reset(seq) {
      seen = new Set();
      floor = seq;
      max = seq;
    },
  };
}
