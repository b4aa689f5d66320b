import { generateOrder } from '../sim/order-generator';
import type { Rand } from '../sim/prng';
import { CANCEL_ORDER, CREATE_ORDER, STATION_QUEUE, type StationQueueData } from '../sim/queries';
import { Recorder } from '../sim/recorder';
import type { BrigadeClientSocket } from '../sim/socket';
import { summarizeLatencies, type LatencySummary } from '../sim/stats';
import type { InstantKitchen } from './instant-kitchen';
import { firstStations, type BenchKitchen } from './kitchen-setup';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../contracts/errors';

/**
 * Event latency at a given order rate: random arrivals of mixed orders (1–4 dishes, not
 * scheduled), cooked by the InstantKitchen. Per order: createOrder sent → its first task in
 * `stationQueue` (polled every POLL_MS on the stations that take its first tasks) and → the
 * first `task:updated QUEUED` on a board socket. Per completion: completeTask sent → each
 * dependent it released arriving over Socket.io.
 */
const POLL_MS = 25;
const VISIBLE_TIMEOUT_MS = 10_000;

export interface LatencyResult {
  ordersPerHour: number;
  seconds: number;
  orders: number;
  createOrderResponse: LatencySummary;
  firstTaskInStationQueue: LatencySummary;
  firstTaskOverSocket: LatencySummary;
  dependentOverSocket: LatencySummary;
  missingEvents: number;
  /** createOrder calls that failed (the message of each). */
  failures: string[];
}

const pause = (ms: number) => sleep(Math.max(0, ms));

export async function runLatencyPhase(o: {
  kitchen: BenchKitchen;
  instant: InstantKitchen;
  board: BrigadeClientSocket;
  rand: Rand;
  ordersPerHour: number;
  durationMs: number;
}): Promise<LatencyResult> {
  const { kitchen, instant } = o;
  const recorder = new Recorder();
  const detach = recorder.attach(o.board);
  instant.recorder = recorder;
  const responses: number[] = [];
  const visible: number[] = [];
  const orderIds: string[] = [];
  const failures: string[] = [];
  const jobs: Array<Promise<void>> = [];
  const t0 = Date.now();
  // A Poisson process conditioned on its count: exactly rate × duration orders (a known sample
  // size), at uniformly random times, so bursts happen as they would on a real evening.
  const count = Math.round((o.ordersPerHour * o.durationMs) / 3_600_000);
  const offsets = Array.from({ length: count }, () => o.rand() * o.durationMs).sort((a, b) => a - b);
  for (const offset of offsets) {
    await pause(t0 + offset - Date.now());
    const order = generateOrder(o.rand, kitchen.menu, { allowScheduled: false });
    const stations = [...new Set(order.items.flatMap((i) => firstStations(kitchen, kitchen.menu.find((m) => m.id === i.menuItemId)!.recipe)))];
    const input = {
      channel: order.channel,
      priority: order.priority,
      customerName: order.customerName,
      items: order.items.map((i) => ({ menuItemId: i.menuItemId, quantity: i.quantity })),
    };
    jobs.push(
      (async () => {
        let id: string | null = null;
        const sentAt = Date.now();
        const pollDone = pollVisible(kitchen, stations, sentAt, () => id);
        const { createOrder } = await kitchen.operator.request<{ createOrder: { id: string } }>(CREATE_ORDER, { input });
        id = createOrder.id;
        const answeredAt = Date.now();
        responses.push(answeredAt - sentAt);
        orderIds.push(id);
        instant.track(id);
        recorder.mark('createOrder → first task queued', `firstQueued:${id}`, sentAt, answeredAt);
        const seenAt = await pollDone;
        if (seenAt !== null) visible.push(seenAt - sentAt);
      })().catch((err) => void failures.push(errorMessage(err))),
    );
  }
  await Promise.all(jobs);
  await pause(2_000); // last dependents and events
  detach();
  instant.recorder = null;
  // Later dishes of an order fire by prep time (minutes away): cancel them so they do not cook into the next phase.
  for (const id of orderIds) {
    instant.untrack(id);
    await kitchen.operator.request(CANCEL_ORDER, { id, reason: 'bench phase over' }).catch(() => undefined);
  }
  const byKind = (kind: string) => recorder.marks.filter((m) => m.kind === kind);
  const fromSend = (kind: string) => byKind(kind).flatMap((m) => (recorder.seen.has(m.eventKey) ? [recorder.seen.get(m.eventKey)! - m.sentAt] : []));
  const missing = recorder.marks.filter((m) => !recorder.seen.has(m.eventKey)).length;
  return {
    ordersPerHour: o.ordersPerHour,
    seconds: Math.round((Date.now() - t0) / 1000),
    orders: orderIds.length,
    createOrderResponse: summarizeLatencies(responses),
    firstTaskInStationQueue: summarizeLatencies(visible),
    firstTaskOverSocket: summarizeLatencies(fromSend('createOrder → first task queued')),
    dependentOverSocket: summarizeLatencies(fromSend('completeTask → dependent queued')),
    missingEvents: missing,
    failures,
  };
}

/** Polls the given stations' queues until one lists a task of the order (its id known once createOrder answers). */
async function pollVisible(kitchen: BenchKitchen, stationIds: string[], sentAt: number, orderId: () => string | null): Promise<number | null> {
  while (Date.now() - sentAt < VISIBLE_TIMEOUT_MS) {
    const id = orderId();
    if (id) {
      const queues = await Promise.all(stationIds.map((stationId) => kitchen.cook.request<StationQueueData>(STATION_QUEUE, { stationId }).catch(() => null)));
      if (queues.some((q) => q?.stationQueue.tasks.some((t) => t.orderId === id))) return Date.now();
    }
    await pause(POLL_MS);
  }
  return null;
}
