// What Brigade learns in the evaluation: every task the crews tap DONE becomes a sample, learned
// through the same functions as the worker's (learning.ts; core/kitchen-read/learned-durations.ts),
// over the same windows (the last 100 per recipe task, the last 200 per station for its pace).
import { learnDuration, learnPace, type DurationSample, type Learned } from '../learning';
import type { LearnedDuration } from '../durations';

const TASK_WINDOW = 100;
const PACE_WINDOW = 200;

export class Learner {
  private readonly byTask = new Map<string, DurationSample[]>();
  private readonly byStation = new Map<string, DurationSample[]>();
  private readonly cache = new Map<string, Learned | null>();
  /** Every sample, plausible or not: the analytics keep them all. */
  recorded = 0;

  record(dishId: string, taskId: string, stationId: string, sample: DurationSample): void {
    this.recorded++;
    push(this.byTask, `${dishId}|${taskId}`, sample, TASK_WINDOW);
    push(this.byStation, stationId, sample, PACE_WINDOW);
    this.cache.delete(`t:${dishId}|${taskId}`);
    this.cache.delete(`s:${stationId}`);
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

function push(map: Map<string, DurationSample[]>, key: string, sample: DurationSample, window: number): void {
  const list = map.get(key) ?? [];
  list.push(sample);
  if (list.length > window) list.shift();
  map.set(key, list);
}
