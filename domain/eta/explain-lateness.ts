// Why an order was (or is running) late, in plain words: from its tasks' planned and actual times,
// the other orders' work at the same stations and what the kitchen learned. Pure: the order detail
// page's read (core/orders/get-order-timeline.ts) gathers the facts, this module judges them.

/** One task as the timeline sees it; times are epoch ms, null where it has not happened. */
export interface TimelineTask {
  id: string;
  orderId: string;
  orderNumber: number;
  name: string;
  stationId: string | null;
  stationName: string | null;
  dependsOn: ReadonlyArray<string>;
  status: string;
  plannedStartAt: number | null;
  /** What the plan assumed it takes: the learned time where there is one, else the recipe's estimate. */
  expectedMs: number;
  /** Whether expectedMs was learned from this kitchen's history (else it is the recipe's estimate). */
  learned: boolean;
  queuedAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
}

export interface TimelineStation {
  id: string;
  name: string;
  capacity: number;
  /** Slots staffed while the order's work waited there (shifts); null where no shifts are planned. */
  staffedSlots: number | null;
}

export interface ExplainInput {
  now: number;
  promisedAt: number | null;
  /** When it was ready, once it is. */
  readyAt: number | null;
  estimatedReadyAt: number | null;
  tasks: ReadonlyArray<TimelineTask>;
  /** Other orders' tasks at the stations this order used (any status). */
  others: ReadonlyArray<TimelineTask>;
  stations: ReadonlyArray<TimelineStation>;
}

/** A task's bar: planned start to planned end, then waiting in the queue and working, as far as they went. */
export interface TaskSpan {
  taskId: string;
  plannedStart: number | null;
  plannedEnd: number | null;
  waitFrom: number | null;
  waitTo: number | null;
  workFrom: number | null;
  workTo: number | null;
  waitingMs: number;
  workingMs: number;
  critical: boolean;
}

export type LatenessReason =
  | { kind: 'QUEUE_WAIT'; taskId: string; stationName: string; waitedMs: number; behind: number[] }
  | { kind: 'PICKUP_DELAY'; taskId: string; stationName: string; waitedMs: number }
  | { kind: 'SLOW_TASK'; taskId: string; taskName: string; tookMs: number; expectedMs: number; learned: boolean }
  | { kind: 'SHORT_STAFFED'; stationName: string; slots: number; capacity: number };

export interface LatenessExplanation {
  /** Ready (or expected ready) minus the promise: positive is late; null without a promise or an end. */
  lateMs: number | null;
  late: boolean;
  spans: TaskSpan[];
  /** Task ids from the first to the last task of the chain that decided the ready time. */
  criticalPath: string[];
  /** On the critical path, biggest cost first. */
  reasons: LatenessReason[];
  sentences: string[];
  summary: string;
}

/** A wait or an overrun under this share of the task's expected time is noise, not a reason… */
export const REASON_MIN_SHARE = 0.1;
/** …and under this, however short the task. */
export const REASON_MIN_MS = 5_000;
/** A task is slow when it took this much more than expected (and more than the noise floor). */
export const SLOW_FACTOR = 1.25;
/** Within this of the promise an order counts as on time (the ETA store's own tolerance). */
export const ON_TIME_MS = 30_000;
const MAX_NAMED_ORDERS = 3;

export function explainLateness(input: ExplainInput): LatenessExplanation {
  const critical = criticalPath(input.tasks, input.now);
  const onPath = new Set(critical);
  const spans = input.tasks.map((t) => spanOf(t, input.now, onPath.has(t.id)));
  const end = input.readyAt ?? input.estimatedReadyAt;
  const lateMs = input.promisedAt !== null && end !== null ? end - input.promisedAt : null;
  const late = lateMs !== null && lateMs > ON_TIME_MS;
  const byId = new Map(input.tasks.map((t) => [t.id, t]));
  const reasons = reasonsFor(
    critical.map((id) => byId.get(id)!),
    input,
  );
  const sentences = reasons.map(sentenceOf);
  return { lateMs, late, spans, criticalPath: critical, reasons, sentences, summary: summaryOf(input, lateMs, late, sentences) };
}

/** Where a task's work ends: done, or started and expected to take its time (at least until now), or planned. */
export function endOf(t: TimelineTask, now: number): number | null {
  if (t.completedAt !== null) return t.completedAt;
  if (t.startedAt !== null) return Math.max(now, t.startedAt + t.expectedMs);
  if (t.status === 'CANCELLED') return null;
  const start = t.queuedAt !== null ? Math.max(now, t.queuedAt) : t.plannedStartAt;
  return start === null ? null : start + t.expectedMs;
}

/**
 * The chain that decided the ready time: from the task that ends last, back through the
 * dependency that ended last each time (the one it could not start without).
 */
export function criticalPath(tasks: ReadonlyArray<TimelineTask>, now: number): string[] {
  const live = tasks.filter((t) => t.status !== 'CANCELLED');
  const byId = new Map(live.map((t) => [t.id, t]));
  const latest = (list: ReadonlyArray<TimelineTask>) => {
    let best: TimelineTask | null = null;
    for (const t of list) {
      const e = endOf(t, now);
      if (e !== null && (best === null || e > endOf(best, now)! || (e === endOf(best, now) && t.id < best.id))) best = t;
    }
    return best;
  };
  const path: string[] = [];
  const seen = new Set<string>();
  for (let t = latest(live); t && !seen.has(t.id);) {
    seen.add(t.id);
    path.push(t.id);
    t = latest(t.dependsOn.flatMap((d) => byId.get(d) ?? []));
  }
  return path.reverse();
}

export function spanOf(t: TimelineTask, now: number, critical: boolean): TaskSpan {
  const waitTo = t.queuedAt === null ? null : (t.startedAt ?? (t.status === 'QUEUED' ? now : null));
  const workTo = t.startedAt === null ? null : (t.completedAt ?? (t.status === 'IN_PROGRESS' ? now : t.startedAt));
  return {
    taskId: t.id,
    plannedStart: t.plannedStartAt,
    plannedEnd: t.plannedStartAt === null ? null : t.plannedStartAt + t.expectedMs,
    waitFrom: waitTo === null ? null : t.queuedAt,
    waitTo,
    workFrom: t.startedAt,
    workTo,
    waitingMs: waitTo === null || t.queuedAt === null ? 0 : Math.max(0, waitTo - t.queuedAt),
    workingMs: workTo === null || t.startedAt === null ? 0 : Math.max(0, workTo - t.startedAt),
    critical,
  };
}

/** The other orders whose work at the same station overlapped this task's wait, by order number. */
export function workAhead(t: TimelineTask, others: ReadonlyArray<TimelineTask>, waitFrom: number, waitTo: number, now: number): number[] {
  const numbers = new Set<number>();
  for (const o of others) {
    if (o.orderId === t.orderId || o.stationId !== t.stationId || o.startedAt === null) continue;
    const oEnd = o.completedAt ?? now;
    if (o.startedAt < waitTo && oEnd > waitFrom) numbers.add(o.orderNumber);
  }
  return [...numbers].sort((a, b) => a - b);
}

function reasonsFor(path: ReadonlyArray<TimelineTask>, input: ExplainInput): LatenessReason[] {
  const found: Array<{ cost: number; reason: LatenessReason }> = [];
  const stations = new Map(input.stations.map((s) => [s.id, s]));
  const shortNoted = new Set<string>();
  for (const t of path) {
    const span = spanOf(t, input.now, true);
    const stationName = t.stationName ?? 'its station';
    const floor = noiseFloor(t);
    if (span.waitingMs >= floor && span.waitFrom !== null && span.waitTo !== null) {
      const behind = workAhead(t, input.others, span.waitFrom, span.waitTo, input.now);
      found.push({
        cost: span.waitingMs,
        reason:
          behind.length > 0
            ? { kind: 'QUEUE_WAIT', taskId: t.id, stationName, waitedMs: span.waitingMs, behind }
            : { kind: 'PICKUP_DELAY', taskId: t.id, stationName, waitedMs: span.waitingMs },
      });
      const station = t.stationId ? stations.get(t.stationId) : undefined;
      if (station && station.staffedSlots !== null && station.staffedSlots < station.capacity && !shortNoted.has(station.id)) {
        shortNoted.add(station.id);
        found.push({
          cost: span.waitingMs / 2,
          reason: { kind: 'SHORT_STAFFED', stationName: station.name, slots: station.staffedSlots, capacity: station.capacity },
        });
      }
    }
    const overrun = span.workingMs - t.expectedMs;
    if (t.startedAt !== null && span.workingMs > t.expectedMs * SLOW_FACTOR && overrun >= floor) {
      found.push({
        cost: overrun,
        reason: { kind: 'SLOW_TASK', taskId: t.id, taskName: t.name, tookMs: span.workingMs, expectedMs: t.expectedMs, learned: t.learned },
      });
    }
  }
  return found.sort((a, b) => b.cost - a.cost).map((f) => f.reason);
}

/** Relative to the task, so a compressed test kitchen and a real one judge alike. */
export function noiseFloor(t: Pick<TimelineTask, 'expectedMs'>): number {
  return Math.max(REASON_MIN_MS, t.expectedMs * REASON_MIN_SHARE);
}

/** "40 s" under a minute, else whole minutes. */
export function duration(ms: number): string {
  return ms < 60_000 ? `${Math.max(0, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`;
}

/** "#41", "#41 and #42", "#41, #42 and #43", "#41, #42, #43 and 2 more". */
export function orderList(numbers: ReadonlyArray<number>): string {
  const named = numbers.slice(0, MAX_NAMED_ORDERS).map((n) => `#${n}`);
  const rest = numbers.length - named.length;
  if (rest > 0) return `${named.join(', ')} and ${rest} more`;
  return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}

export function sentenceOf(r: LatenessReason): string {
  switch (r.kind) {
    case 'QUEUE_WAIT':
      return `waited ${duration(r.waitedMs)} at ${r.stationName} behind ${orderList(r.behind)}`;
    case 'PICKUP_DELAY':
      return `waited ${duration(r.waitedMs)} at ${r.stationName} before anyone started it`;
    case 'SLOW_TASK': {
      const took = duration(r.tookMs);
      const expected = duration(r.expectedMs);
      // "9 min where 6 was learned": the unit once when both are in minutes.
      const shown = took.endsWith(' min') && expected.endsWith(' min') ? expected.slice(0, -4) : expected;
      return `${r.taskName} took ${took} where ${shown} was ${r.learned ? 'learned' : 'estimated'}`;
    }
    case 'SHORT_STAFFED':
      return `${r.stationName} had ${r.slots} of ${r.capacity} slots`;
  }
}

function summaryOf(input: ExplainInput, lateMs: number | null, late: boolean, sentences: string[]): string {
  const why = sentences.length > 0 ? `: ${sentences.join('; ')}.` : '.';
  if (lateMs === null) return input.promisedAt === null ? 'No time was promised for this order.' : 'No ready time is known yet.';
  const ready = input.readyAt !== null;
  if (!late) {
    const early = lateMs < -ON_TIME_MS ? ` (${duration(-lateMs)} before the promise)` : '';
    return ready ? `Ready on time${early}.` : `On time so far${early}.`;
  }
  return ready ? `Ready ${duration(lateMs)} after the promise${why}` : `Running ${duration(lateMs)} behind the promise${why}`;
}
