// How long a rider takes from the pass to the customer's door: the tenant's setting until enough
// trips have been delivered, then what the trips really took. Pure; core/delivery reads the rows.

/** A kitchen that never set its travel time plans with this. */
export const DEFAULT_TRAVEL_MINUTES = 20;
/** Fewer delivered trips than this: the setting stands, one odd trip must not move every promise. */
export const MIN_LEARNED_TRIPS = 5;
/** The learned time looks at this many of the latest trips: recent traffic, recent riders. */
export const LEARNED_TRIPS = 20;
/** A trip longer than this (a rider who tapped Delivered the next morning) says nothing about travel. */
export const MAX_TRIP_MINUTES = 180;
/** What a manager may set: at least a minute, at most a long suburban ride. */
export const TRAVEL_MINUTES_RANGE = { min: 1, max: 180 } as const;

export interface Trip {
  pickedUpAt: Date;
  deliveredAt: Date;
}

export interface TravelTime {
  /** What the kitchen plans with now. */
  minutes: number;
  /** The tenant's setting (DEFAULT_TRAVEL_MINUTES when it has none). */
  configuredMinutes: number;
  /** From delivered trips, once there are MIN_LEARNED_TRIPS of them; else null. */
  learnedMinutes: number | null;
  /** The trips the learned time looked at. */
  trips: number;
}

/** Trip lengths in minutes, dropping impossible ones (clock skew, a forgotten tap). */
export function tripMinutes(trips: readonly Trip[]): number[] {
  return trips.map((t) => (t.deliveredAt.getTime() - t.pickedUpAt.getTime()) / 60_000).filter((m) => Number.isFinite(m) && m > 0 && m <= MAX_TRIP_MINUTES);
}

/**
 * The learned travel time from the latest trips, or null below MIN_LEARNED_TRIPS.
 * Median, not EWMA: one rider who forgot to tap Delivered for 40 minutes must not move the promise.
 */
export function learnedTravelMinutes(minutes: readonly number[]): number | null {
  const recent = minutes.slice(0, LEARNED_TRIPS);
  if (recent.length < MIN_LEARNED_TRIPS) return null;
  const sorted = [...recent].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  // Whole minutes, never 0: a promise is said in minutes.
  return Math.max(1, Math.round(median));
}

/** `configured`: the tenant's setting (null: never set). `trips`: latest first. */
export function travelTime(configured: number | null | undefined, trips: readonly Trip[]): TravelTime {
  const configuredMinutes = validMinutes(configured) ? configured : DEFAULT_TRAVEL_MINUTES;
  const recent = tripMinutes(trips).slice(0, LEARNED_TRIPS);
  const learnedMinutes = learnedTravelMinutes(recent);
  return { minutes: learnedMinutes ?? configuredMinutes, configuredMinutes, learnedMinutes, trips: recent.length };
}

function validMinutes(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= TRAVEL_MINUTES_RANGE.min && value <= TRAVEL_MINUTES_RANGE.max;
}
