import type { PlacedOrder } from './arrivals';
import type { OrderResult } from './queries';
import type { LatencyKind, Recorder } from './recorder';
import { median, percentile, summarizeErrors, summarizeLatencies, type ErrorSummary, type LatencySummary } from './stats';

/**
 * Turns what the run observed into the numbers `npm run simulate` prints. Durations are in
 * kitchen minutes (wall-clock × speed), so ±2 / ±5 minutes mean the same at every speed;
 * event latencies are wall-clock milliseconds (they are properties of the software, not the kitchen).
 */
export interface SimReportInput {
  speed: number;
  /** Wall-clock start and length of the run (ms). */
  startedAt: number;
  wallMs: number;
  /** Slots per station name, for utilisation. */
  capacity: Map<string, number>;
  placed: PlacedOrder[];
  rejected: number;
  results: OrderResult[];
  recorder: Recorder;
}

export interface SimReport {
  kitchenHours: number;
  orders: { placed: number; rejected: number; ready: number; cancelled: number; open: number; perHour: number };
  items: { total: number; done: number; perHour: number };
  eta: Record<'quote before ordering' | 'first ETA (order time)' | 'every published ETA' | 'first ETA per item', ErrorSummary>;
  late: { itemsAfterFirstEta: number; itemsDone: number; meanLateMinutes: number | null; itemsFlagged: number; ordersFlagged: number };
  /** Orders of two or more finished items: how far apart their first and last item finished (pacing, issue 18). */
  together: { orders: number; within2: number | null; medianSpread: number | null; p90Spread: number | null };
  queueWaits: Array<{ station: string; n: number; median: number | null; p90: number | null; stillQueued: number; busy: number | null }>;
  latency: Array<{ kind: LatencyKind; fromRequest: LatencySummary; fromResponse: LatencySummary; missing: number }>;
}

const toMinutes = (ms: number, speed: number) => (ms / 60_000) * speed;
const time = (iso: string | null) => (iso ? Date.parse(iso) : null);

export function buildReport(input: SimReportInput): SimReport {
  const { speed, results, recorder } = input;
  const kitchenHours = (input.wallMs * speed) / 3_600_000;
  const byId = new Map(results.map((r) => [r.id, r]));
  const err = (predicted: number, actual: number) => toMinutes(predicted - actual, speed);

  const quote: number[] = [];
  const first: number[] = [];
  const every: number[] = [];
  const perItem: number[] = [];
  const lateBy: number[] = [];
  let itemsDone = 0;
  for (const placed of input.placed) {
    const r = byId.get(placed.id);
    const actual = time(r?.actualReadyAt ?? null);
    const etas = recorder.etas.get(placed.id) ?? [];
    if (r && actual !== null && r.status !== 'CANCELLED') {
      if (placed.quote !== null) quote.push(err(placed.quote, actual));
      if (etas.length > 0) first.push(err(etas[0].eta, actual));
      for (const e of etas) every.push(err(e.eta, actual));
    }
    for (const item of r?.items ?? []) {
      if (item.status !== 'DONE') continue;
      itemsDone++;
      const ready = Math.max(...item.tasks.map((t) => time(t.completedAt) ?? 0));
      const promised = etas.flatMap((e) => e.items).find((i) => i.orderItemId === item.id)?.readyAt;
      if (promised === undefined) continue;
      perItem.push(err(promised, ready));
      if (ready > promised) lateBy.push(toMinutes(ready - promised, speed));
    }
  }

  const allItems = results.flatMap((r) => r.items);
  const ready = results.filter((r) => r.actualReadyAt !== null && r.status !== 'CANCELLED').length;
  const cancelled = results.filter((r) => r.status === 'CANCELLED').length;
  return {
    kitchenHours,
    orders: {
      placed: input.placed.length,
      rejected: input.rejected,
      ready,
      cancelled,
      open: input.placed.length - ready - cancelled,
      perHour: ready / kitchenHours,
    },
    items: { total: allItems.length, done: itemsDone, perHour: itemsDone / kitchenHours },
    eta: {
      'quote before ordering': summarizeErrors(quote),
      'first ETA (order time)': summarizeErrors(first),
      'every published ETA': summarizeErrors(every),
      'first ETA per item': summarizeErrors(perItem),
    },
    late: {
      itemsAfterFirstEta: lateBy.length,
      itemsDone,
      meanLateMinutes: lateBy.length ? lateBy.reduce((s, v) => s + v, 0) / lateBy.length : null,
      itemsFlagged: allItems.filter((i) => i.isLate).length,
      ordersFlagged: results.filter((r) => r.isLate || recorder.lateFlags.has(r.id)).length,
    },
    together: together(results, speed),
    queueWaits: queueWaits(input),
    latency: latencies(recorder),
  };
}

/** Spread of item finish times within each multi-item order, every item of it done (kitchen minutes). */
export function together(results: OrderResult[], speed: number): SimReport['together'] {
  const spreads: number[] = [];
  for (const r of results) {
    if (r.items.length < 2 || r.items.some((i) => i.status !== 'DONE')) continue;
    const finished = r.items.map((i) => Math.max(...i.tasks.map((t) => time(t.completedAt) ?? 0)));
    spreads.push(toMinutes(Math.max(...finished) - Math.min(...finished), speed));
  }
  if (spreads.length === 0) return { orders: 0, within2: null, medianSpread: null, p90Spread: null };
  return {
    orders: spreads.length,
    within2: spreads.filter((s) => s <= 2).length / spreads.length,
    medianSpread: median(spreads),
    p90Spread: percentile(spreads, 0.9),
  };
}

function queueWaits({ results, speed, startedAt, wallMs, capacity }: SimReportInput): SimReport['queueWaits'] {
  const end = startedAt + wallMs;
  const waits = new Map<string, { values: number[]; stillQueued: number; busyMs: number }>();
  for (const task of results.flatMap((r) => r.items.flatMap((i) => i.tasks))) {
    if (!task.station || !task.queuedAt) continue;
    const entry = waits.get(task.station.name) ?? { values: [], stillQueued: 0, busyMs: 0 };
    waits.set(task.station.name, entry);
    if (task.startedAt) {
      const started = Date.parse(task.startedAt);
      entry.values.push(toMinutes(started - Date.parse(task.queuedAt), speed));
      // Slot time used by our orders inside the run (utilisation = that / slots × run length).
      entry.busyMs += Math.max(0, Math.min(end, task.completedAt ? Date.parse(task.completedAt) : end) - Math.max(startedAt, started));
    } else if (task.status === 'QUEUED') entry.stillQueued++;
  }
  return [...waits.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([station, w]) => {
      const slots = capacity.get(station);
      return {
        station,
        n: w.values.length,
        median: median(w.values),
        p90: percentile(w.values, 0.9),
        stillQueued: w.stillQueued,
        busy: slots ? w.busyMs / (slots * wallMs) : null,
      };
    });
}

function latencies(recorder: Recorder): SimReport['latency'] {
  const kinds = [...new Set(recorder.marks.map((m) => m.kind))];
  return kinds.map((kind) => {
    const marks = recorder.marks.filter((m) => m.kind === kind);
    const fromRequest: number[] = [];
    const fromResponse: number[] = [];
    let missing = 0;
    for (const m of marks) {
      const at = recorder.seen.get(m.eventKey);
      if (at === undefined) {
        missing++;
        continue;
      }
      fromRequest.push(at - m.sentAt);
      fromResponse.push(at - m.answeredAt);
    }
    return { kind, fromRequest: summarizeLatencies(fromRequest), fromResponse: summarizeLatencies(fromResponse), missing };
  });
}
