// The pickup delay of a station: from the moment a ticket is queued there with a slot free to the
// moment a cook taps it started. It is not cooking, so the durations never see it, yet every task
// pays it; without it every ETA is optimistic by a delay per station on the critical path.
// Learned from the stored rows like durations (learning.ts: decayed median, outliers skipped).
import { weightedSummary, type Learned } from './learning';
import { Z90 } from './uncertainty';

/** One finished task at a station, as its row stores it (epoch ms). */
export interface StationTaskRow {
  queuedAt: number;
  startedAt: number;
  completedAt: number;
  /** False when the duration was not plausible (an instant bump): its started time is not when the cook began. */
  plausible: boolean;
}

/** A pickup this long was no pickup: the ticket was forgotten, or the station closed. */
export const PICKUP_MAX_MS = 15 * 60_000;
/** Samples before the learned delay fully applies; below that it is blended towards none. */
export const PICKUP_SAMPLES_FOR_FULL_TRUST = 5;

/**
 * Pickup samples from a station's finished tasks and its slots: the tasks replayed in start order,
 * each taking the slot freed first, so a ticket that waited for a busy station counts only from
 * when a slot came free. A task whose start is not real (an implausible duration) holds its slot
 * but gives no sample.
 */
export function pickupSamples(rows: ReadonlyArray<StationTaskRow>, slots: number): Array<{ value: number; at: number }> {
  const freeAt = Array.from({ length: Math.max(1, Math.floor(slots) || 1) }, () => -Infinity);
  const out: Array<{ value: number; at: number }> = [];
  const sorted = rows.filter((r) => [r.queuedAt, r.startedAt, r.completedAt].every(Number.isFinite)).sort((a, b) => a.startedAt - b.startedAt);
  for (const row of sorted) {
    let slot = 0;
    for (let s = 1; s < freeAt.length; s++) if (freeAt[s] < freeAt[slot]) slot = s;
    const from = Math.max(row.queuedAt, freeAt[slot]);
    freeAt[slot] = row.completedAt;
    const delay = row.startedAt - from;
    if (row.plausible && delay >= 0 && delay <= PICKUP_MAX_MS) out.push({ value: delay, at: row.completedAt });
  }
  return out;
}

/** The station's robust pickup delay (ms) with its P10/P90; null without a sample. */
export function learnPickupDelay(rows: ReadonlyArray<StationTaskRow>, slots: number): Learned | null {
  return weightedSummary(pickupSamples(rows, slots));
}

/** The delay the simulation adds before a task starts at the station: the learned median, trusted in proportion to its samples. */
export function pickupDelayMs(learned: Learned | null | undefined): number {
  if (!learned || learned.samples <= 0 || !(learned.value > 0)) return 0;
  return Math.round(learned.value * Math.min(1, learned.samples / PICKUP_SAMPLES_FOR_FULL_TRUST));
}

/** Sigma of log(pickup delay) from its P10/P90, once trusted in full; null when unknown. */
export function pickupSpread(learned: Learned | null | undefined): number | null {
  if (!learned || learned.samples < PICKUP_SAMPLES_FOR_FULL_TRUST || !(learned.p10 > 0) || !(learned.p90 >= learned.p10)) return null;
  return Math.log(learned.p90 / learned.p10) / (2 * Z90);
}
