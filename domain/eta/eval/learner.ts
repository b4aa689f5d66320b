// What Brigade learns in the evaluation: every task the crews tap DONE becomes a sample, learned
// through the same functions as the worker's (learning.ts; core/kitchen-read/learned-durations.ts),
// over the same windows (the last 100 per recipe task, the last 200 per station for its pace and
// its pickup delay, pickup-delay.ts).
import { isPlausible, learnDuration, learnPace, type DurationSample, type Learned } from '../learning';
import { learnPickupDelay, pickupDelayMs, pickupSpread, type StationTaskRow } from '../pickup-delay';
import type { LearnedDuration } from '../durations';

const TASK_WINDOW = 100;
const PACE_WINDOW = 200;

export class Learner {
  private readonly byTask = new Map<string, DurationSample[]>();
  private readonly byStation = new Map<string, DurationSample[]>();
  private readonly rowsByStation = new Map<string, StationTaskRow[]>();
  private readonly cache = new Map<string, Learned | null>();
  /** Every sample, plausible or not: the analytics keep them all. */
  recorded = 0;

  /** Slots per station id: the pickup delay counts from when a slot was free. */
  constructor(private readonly slots: ReadonlyMap<string, number>) {}

  /** A task tapped DONE: its duration and, from its row's queued and started times, its station's pickup. */
  record(dishId: string, taskId: string, stationId: string, sample: DurationSample, row: Omit<StationTaskRow, 'plausible'>): void {
    this.recorded++;
    push(this.byTask, `${dishId}|${taskId}`, sample, TASK_WINDOW);
    push(this.byStation, stationId, sample, PACE_WINDOW);
    push(this.rowsByStation, stationId, { ...row, plausible: isPlausible(sample) }, PACE_WINDOW);
    this.cache.delete(`t:${dishId}|${taskId}`);
    this.cache.delete(`s:${stationId}`);
    this.cache.delete(`p:${stationId}`);
  }

  /** The station's learned pickup delay and its spread, as the simulation takes them (SimTask.pickupMs). */
  pickup(stationId: string): { pickupMs: number; pickupSpread: number | null } {
    const learned = this.memo(`p:${stationId}`, () => learnPickupDelay(this.rowsByStation.get(stationId) ?? [], this.slots.get(stationId) ?? 1));
    return { pickupMs: pickupDelayMs(learned), pickupSpread: pickupSpread(learned) };
  }

  /** One station per type here, so the task at its station and the task anywhere are the same samples. */
  lookup(dishId: string, taskId: string, stationId: string): LearnedDuration | null {
    const task = this.memo(`t:${dishId}|${taskId}`, () => learnDuration(this.byTask.get(`${dishId}|${taskId}`) ?? []));
    const pace = this.memo(`s:${stationId}`, () => learnPace(this.byStation.get(stationId) ?? []));
    return task || pace ? { atStation: task, anyStation: task, pace } : null;
  }

  private memo(key: string, compute: () => Learned | null): Learned | null {
    if (!this.cache.has(key)) this.cache.set(key, compute());
    return this.cache.get(key)!;
  }
}

function push<T>(map: Map<string, T[]>, key: string, sample: T, window: number): void {
  const list = map.get(key) ?? [];
  list.push(sample);
  if (list.length > window) list.shift();
  map.set(key, list);
}
