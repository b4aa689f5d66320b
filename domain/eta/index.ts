// Public surface of the ETA engine; kitchen-model.ts, collect.ts and heap.ts stay internal.
export type { CapacityStep, SimStation, SimTask, SimTaskStatus, SimResult, SimInput } from './types';
export { simulateKitchen } from './simulate';
export { capacityAt, staffedFrom } from './capacity';
export { shiftCapacitySteps, staffedCapacitySteps, SHIFT_LOOKBACK_MS, type ShiftSpan } from './staffing';
export { OVERRUN_GRACE_SHARE, overrunGraceMs } from './kitchen-model';
export { etaMoved, ETA_MOVE_SHARE, ETA_MOVE_MIN_MS } from './eta-move';
export { accuracyOf, type Accuracy, type AccuracyPoint } from './accuracy';
export { quoteItems, QUOTE_PREFIX, type Quote, type QuoteItem } from './quote';
export {
  expectedDurationMs,
  unitDuration,
  PACE_SAMPLES_FOR_FULL_TRUST,
  type DurationSource,
  quantityFactor,
  perUnitSeconds,
  EXTRA_UNIT_SHARE,
  LEARNED_SAMPLES_FOR_FULL_TRUST,
  type LearnedDuration,
} from './durations';
export { learnedSpread, normal, quantileOf, sampleReadyTimes, seededRandom, sampledRunsFor, SAMPLED_RUNS, MIN_SAMPLED_RUNS } from './uncertainty';
export { planItemFireTimes, planOrderFireTimes, replanFireTimes, repaceMinMoveMs, URGENT_PRIORITY, type LiveItem, type PacedItem } from './pacing';
export { predictedOrderReady, predictedItemReady, predictedLatenessMs } from './readiness';
export {
  isPlausible,
  learnDuration,
  learnPace,
  weightedSummary,
  PLAUSIBLE_MIN_SHARE,
  PLAUSIBLE_MAX_FACTOR,
  LEARNING_HALF_LIFE_MS,
  type DurationSample,
  type Learned,
} from './learning';
