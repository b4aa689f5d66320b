// One service of a ground-truth kitchen on a virtual clock: orders arrive, crews at their hidden
// paces pick up and cook tickets in the station queue's order (domain/kitchen/queue-order.ts),
// and Brigade's own code runs as it does in production: the quote at order time (quoteItems with
// its sampled interval), pacing (planItemFireTimes), an ETA run (simulateKitchen) after every
// transition, and learning from every bump. Hours of service take a second; same seed, same run.
import { MinHeap } from '../heap';
import { expectedDurationMs } from '../durations';
import { learnedSpread, normal, quantileOf, seededRandom } from '../uncertainty';
import { planItemFireTimes } from '../pacing';
import { quoteItems, type QuoteItem } from '../quote';
import { readyRange } from '../eta-range';
import { etaMoved } from '../eta-move';
import { simulateKitchen } from '../simulate';
import { compareWaiting, queueKey, type QueueRule } from '../../kitchen/queue-order';
import type { SimStation, SimTask } from '../types';
import { Learner } from './learner';
import { PACE_RANGE, PICKUP_MINUTES, PICKUP_SIGMA, type EvalDish, type EvalTaskDef, type Scenario } from './scenarios';

const MINUTE = 60_000;
const START = Date.UTC(2026, 11, 8, 18, 0, 0);
/** A careless crew's bump: start and done this far apart. */
const INSTANT_BUMP_MS = 3_000;
/** The promise told customers and platforms: the kitchen setting's default (core/settings/kitchen-settings.ts). */
export const PROMISE_QUANTILE = 0.8;

export type PredictorName = 'brigade' | 'brigadeHalfway' | 'naiveSum' | 'naiveCriticalPath' | 'oracle';
export const PREDICTORS: PredictorName[] = ['brigade', 'brigadeHalfway', 'naiveSum', 'naiveCriticalPath', 'oracle'];

export interface OrderRecord {
  orderId: string;
  placedAt: number;
  actualAt: number;
  /** When each item was ready. */
  itemsReady: number[];
  /** What the kitchen promised (its PROMISE_QUANTILE of the sampled runs): the queue ranks by it. */
  promiseAt: number;
  predicted: Record<PredictorName, number>;
  /** The range told with Brigade's order-time quote (P10..P90, eta-range.ts readyRange). */
  from: number;
  to: number;
  /** Placed after the warm-up and during service: counted in the metrics. */
  measured: boolean;
  /** Contains a dish first ordered in this service (the new-dish scenario). */
  newDish: boolean;
}

export interface ServiceRun {
  orders: OrderRecord[];
  /** Tasks learned from (plausible bumps) against all bumps recorded. */
  samples: number;
}

interface WorldTask {
  id: string;
  order: WorldOrder;
  itemId: string;
  dishId: string;
  def: EvalTaskDef;
  station: number;
  deps: WorldTask[];
  children: WorldTask[];
  waiting: number;
  /** PENDING → QUEUED → PICKING (a slot is held, the cook is on the way) → RUNNING → DONE. */
  state: 'PENDING' | 'QUEUED' | 'PICKING' | 'RUNNING' | 'DONE';
  fireAt: number;
  plannedAt: number;
  queuedAt: number | null;
  /** When the KDS shows it started (a careless crew taps it seconds before done). */
  shownStart: number | null;
  finishAt: number | null;
  /** Drawn when the order is taken, so every queue rule meets the same realisation. */
  workMs: number;
  pickupMs: number;
  instantBump: boolean;
  /** The true mean of workMs plus the station's mean pickup delay: the oracle's duration. */
  oracleMs: number;
}

interface WorldOrder {
  id: string;
  placedAt: number;
  priority: number;
  promiseAt: number;
  tasks: WorldTask[];
  open: number;
  etaHistory: Array<[number, number]>;
  record: Omit<OrderRecord, 'actualAt' | 'itemsReady' | 'predicted'> & { predicted: Omit<Record<PredictorName, number>, 'brigadeHalfway'> };
}

type EventBody =
  { time: number; kind: 'arrive'; dishes: EvalDish[]; priority: number } | { time: number; kind: 'release' | 'start' | 'finish'; task: WorldTask };
type Event = EventBody & { seq: number };

export function runService(scenario: Scenario, seed: number, rule: QueueRule, opts: { sampledRuns?: number } = {}): ServiceRun {
  // Separate streams: the kitchen, the arrivals and the work are the same whatever the queue rule does.
  const kitchenRandom = seededRandom(seed * 7919 + 1);
  const arrivalRandom = seededRandom(seed * 7919 + 2);
  const workRandom = seededRandom(seed * 7919 + 3);
  const stations = scenario.stations.map((s) => ({
    ...s,
    pace: s.pace ?? PACE_RANGE[0] + (PACE_RANGE[1] - PACE_RANGE[0]) * kitchenRandom(),
    pickupMs: (PICKUP_MINUTES[0] + (PICKUP_MINUTES[1] - PICKUP_MINUTES[0]) * kitchenRandom()) * MINUTE,
    busy: 0,
  }));
  const stationOf = new Map(stations.map((s, i) => [s.type, i]));
  const dishFactor = new Map<string, number>();
  for (const dish of scenario.dishes)
    for (const def of dish.tasks) dishFactor.set(`${dish.id}|${def.id}`, Math.exp(scenario.dishSigma * normal(kitchenRandom)));
  const simStations: SimStation[] = stations.map((s) => ({ id: s.id, capacity: s.slots, taskTypes: [s.type], isActive: true }));
  const learner = new Learner();
  const waiting = stations.map(() => new Set<WorldTask>());
  const open = new Set<WorldOrder>();
  const done: OrderRecord[] = [];
  let seq = 0;
  let orders = 0;
  const events = new MinHeap<Event>((a, b) => a.time < b.time || (a.time === b.time && a.seq < b.seq));
  const push = (e: EventBody) => events.push({ ...e, seq: seq++ });

  // Arrivals: a Poisson process at the scenario's rate, drawn up front.
  for (let t = 0, n = 0; ; n++) {
    const rate = Math.max(0.1, scenario.ordersPerHour(t / MINUTE)) / 60 / MINUTE;
    t += -Math.log(1 - arrivalRandom()) / rate;
    if (t >= scenario.serviceMinutes * MINUTE) break;
    const menu = scenario.dishes.filter((d) => !scenario.newDish || d.id !== scenario.newDish.dishId || t >= scenario.newDish.fromMinute * MINUTE);
    const count = 1 + Math.floor(arrivalRandom() * 3);
    const dishes = Array.from({ length: count }, () => menu[Math.floor(arrivalRandom() * menu.length)]);
    push({ time: START + t, kind: 'arrive', dishes, priority: arrivalRandom() < scenario.highPriorityShare ? 1 : 0 });
  }

  const learnedMs = (task: { dishId: string; def: EvalTaskDef; station: number }) => {
    const learned = learner.lookup(task.dishId, task.def.id, stations[task.station].id);
    return { durationMs: expectedDurationMs({ estimateMinutes: task.def.minutes, quantity: 1, learned }), spread: learnedSpread(learned) };
  };

  /** The kitchen as Brigade's database shows it: what the cooks tapped, with learned (or true, for the oracle) durations. */
  const snapshot = (now: number, oracle: boolean): SimTask[] => {
    const out: SimTask[] = [];
    for (const order of open)
      for (const task of order.tasks) {
        if (task.state === 'DONE') continue;
        const shownRunning = task.state === 'RUNNING' && task.shownStart !== null && task.shownStart <= now;
        const released = task.state !== 'PENDING';
        const duration = oracle ? { durationMs: task.oracleMs, spread: null } : learnedMs(task);
        out.push({
          id: task.id,
          orderId: order.id,
          orderItemId: task.itemId,
          stationType: task.def.type,
          stationId: released ? stations[task.station].id : null,
          status: shownRunning ? 'IN_PROGRESS' : released ? 'QUEUED' : 'PENDING',
          dependsOn: task.deps.map((d) => d.id),
          ...duration,
          startedAt: shownRunning ? task.shownStart : null,
          priority: order.priority,
          queuedAt: task.queuedAt,
          plannedAt: task.plannedAt,
          promiseAt: order.promiseAt,
          notBefore: task.deps.length === 0 && !released ? task.fireAt : null,
        });
      }
    return out;
  };

  const quoteTasks = (dish: EvalDish, now: number, priority: number, oracle: boolean): SimTask[] =>
    dish.tasks.map((def) => {
      const task = { dishId: dish.id, def, station: stationOf.get(def.type)! };
      return {
        id: def.id,
        orderId: '',
        orderItemId: '',
        stationType: def.type,
        status: 'PENDING',
        dependsOn: def.dependsOn,
        ...(oracle ? { durationMs: trueMeanMs(task) + stations[task.station].pickupMs, spread: null } : learnedMs(task)),
        priority,
        plannedAt: now + earliestStart(dish, def.id) * MINUTE,
      };
    });
  const trueMedianMs = (task: { dishId: string; def: EvalTaskDef; station: number }) =>
    task.def.minutes * MINUTE * stations[task.station].pace * dishFactor.get(`${task.dishId}|${task.def.id}`)!;
  const trueMeanMs = (task: { dishId: string; def: EvalTaskDef; station: number }) =>
    trueMedianMs(task) * Math.exp((scenario.noiseSigma * scenario.noiseSigma) / 2);

  const arrive = (now: number, dishes: EvalDish[], priority: number) => {
    const id = `o${String(++orders).padStart(5, '0')}`;
    const items: QuoteItem[] = dishes.map((dish, k) => ({ key: String(k), tasks: quoteTasks(dish, now, priority, false) }));
    const tasksNow = snapshot(now, false);
    const quote = quoteItems({ now, stations: simStations, tasks: tasksNow, newItems: items, queueRule: rule, sampledRuns: opts.sampledRuns });
    const oracleQuote = quoteItems({
      now,
      stations: simStations,
      tasks: snapshot(now, true),
      newItems: dishes.map((dish, k) => ({ key: String(k), tasks: quoteTasks(dish, now, priority, true) })),
      queueRule: rule,
      sampledRuns: 0,
    });
    const promiseAt = Math.round((quote.readySamples && quantileOf(quote.readySamples, PROMISE_QUANTILE)) ?? quote.readyAt);
    const range = readyRange(new Date(quote.readyAt), new Date(now), quote.readySamples);
    // Fire-by-prep-time as the order workflow plans it: the critical path of each item on learned durations.
    const fireAt = planItemFireTimes({
      now,
      priority,
      items: items.map((item) => ({ orderItemId: item.key, criticalPathMs: criticalPath(item.tasks) })),
    });
    const order: WorldOrder = {
      id,
      placedAt: now,
      priority,
      promiseAt,
      tasks: [],
      open: 0,
      etaHistory: [[now, quote.readyAt]],
      record: {
        orderId: id,
        placedAt: now,
        promiseAt,
        from: range.from.getTime(),
        to: range.to.getTime(),
        measured: now >= START + scenario.warmupMinutes * MINUTE,
        newDish: !!scenario.newDish && dishes.some((d) => d.id === scenario.newDish!.dishId),
        predicted: {
          brigade: quote.readyAt,
          naiveSum: now + dishes.reduce((sum, d) => sum + d.tasks.reduce((s, t) => s + t.minutes, 0), 0) * MINUTE,
          naiveCriticalPath:
            now + Math.max(...dishes.map((d) => criticalPath(d.tasks.map((t) => ({ id: t.id, dependsOn: t.dependsOn, durationMs: t.minutes * MINUTE }))))),
          oracle: oracleQuote.readyAt,
        },
      },
    };
    dishes.forEach((dish, k) => {
      const itemId = `${id}:${k}`;
      const byDef = new Map<string, WorldTask>();
      for (const def of dish.tasks) {
        const station = stationOf.get(def.type)!;
        const s = stations[station];
        const base = { dishId: dish.id, def, station };
        const task: WorldTask = {
          id: `${itemId}:${def.id}`,
          order,
          itemId,
          dishId: dish.id,
          def,
          station,
          deps: [],
          children: [],
          waiting: 0,
          state: 'PENDING',
          fireAt: fireAt[String(k)],
          plannedAt: fireAt[String(k)] + earliestStart(dish, def.id) * MINUTE,
          queuedAt: null,
          shownStart: null,
          finishAt: null,
          workMs: trueMedianMs(base) * Math.exp(scenario.noiseSigma * normal(workRandom)),
          pickupMs: (s.pickupMs / Math.exp((PICKUP_SIGMA * PICKUP_SIGMA) / 2)) * Math.exp(PICKUP_SIGMA * normal(workRandom)),
          instantBump: workRandom() < (s.instantBumpShare ?? 0),
          oracleMs: trueMeanMs(base) + s.pickupMs,
        };
        byDef.set(def.id, task);
        order.tasks.push(task);
      }
      for (const task of order.tasks.filter((t) => t.itemId === itemId)) {
        task.deps = task.def.dependsOn.map((d) => byDef.get(d)!);
        task.waiting = task.deps.length;
        for (const dep of task.deps) dep.children.push(task);
        if (task.waiting === 0) push({ time: task.fireAt, kind: 'release', task });
      }
    });
    order.open = order.tasks.length;
    open.add(order);
  };

  const rank = (t: WorldTask) => queueKey(rule, t.plannedAt, t.order.promiseAt);
  const before = (a: WorldTask, b: WorldTask) =>
    compareWaiting(a.order.priority, rank(a), a.plannedAt, a.queuedAt!, b.order.priority, rank(b), b.plannedAt, b.queuedAt!) || (a.id < b.id ? -1 : 1);

  // Each station with a free slot takes its best waiting ticket; the cook needs the pickup delay to start it.
  const dispatch = (now: number) => {
    stations.forEach((s, i) => {
      while (s.busy < s.slots && waiting[i].size > 0) {
        let best: WorldTask | null = null;
        for (const t of waiting[i]) if (!best || before(t, best) < 0) best = t;
        waiting[i].delete(best!);
        best!.state = 'PICKING';
        s.busy++;
        push({ time: now + best!.pickupMs, kind: 'start', task: best! });
      }
    });
  };

  const finishOrder = (order: WorldOrder) => {
    open.delete(order);
    const actualAt = Math.max(...order.tasks.map((t) => t.finishAt!));
    const itemsReady = [...new Set(order.tasks.map((t) => t.itemId))].map((item) =>
      Math.max(...order.tasks.filter((t) => t.itemId === item).map((t) => t.finishAt!)),
    );
    const midpoint = order.placedAt + (actualAt - order.placedAt) / 2;
    let halfway = order.etaHistory[0][1];
    for (const [at, eta] of order.etaHistory) if (at <= midpoint) halfway = eta;
    done.push({ ...order.record, actualAt, itemsReady, predicted: { ...order.record.predicted, brigadeHalfway: halfway } });
  };

  const handle = (event: Event): void => {
    const now = event.time;
    if (event.kind === 'arrive') {
      arrive(now, event.dishes, event.priority);
      return;
    }
    const task = event.task;
    if (event.kind === 'release') {
      task.state = 'QUEUED';
      task.queuedAt = now;
      waiting[task.station].add(task);
    } else if (event.kind === 'start') {
      task.state = 'RUNNING';
      task.finishAt = now + task.workMs;
      task.shownStart = task.instantBump ? Math.max(now, task.finishAt - INSTANT_BUMP_MS) : now;
      push({ time: task.finishAt, kind: 'finish', task });
    } else {
      task.state = 'DONE';
      stations[task.station].busy--;
      learner.record(task.dishId, task.def.id, stations[task.station].id, {
        seconds: (now - task.shownStart!) / 1000,
        expectedSeconds: task.def.minutes * 60,
        at: now,
      });
      for (const child of task.children) if (--child.waiting === 0) push({ time: Math.max(now, child.fireAt), kind: 'release', task: child });
      if (--task.order.open === 0) finishOrder(task.order);
    }
  };

  /** The ETA run after the instant's transitions, stored per order only when it moved (eta-move.ts), like the worker's. */
  const etaRun = (now: number) => {
    if (open.size === 0) return;
    const result = simulateKitchen({ now, stations: simStations, tasks: snapshot(now, false), queueRule: rule });
    for (const order of open) {
      const remaining = result.orderReady[order.id];
      if (remaining === undefined) continue;
      const eta = Math.max(remaining, ...order.tasks.map((t) => (t.state === 'DONE' ? t.finishAt! : -Infinity)));
      const last = order.etaHistory[order.etaHistory.length - 1][1];
      if (etaMoved(last, eta, now)) order.etaHistory.push([now, eta]);
    }
  };

  while (events.size > 0) {
    const now = events.peek()!.time;
    while (events.size > 0 && events.peek()!.time === now) handle(events.pop()!);
    dispatch(now);
    etaRun(now);
  }
  done.sort((a, b) => a.placedAt - b.placedAt);
  return { orders: done, samples: learner.recorded };
}

/** Longest chain of the tasks' durations (ms). */
function criticalPath(tasks: ReadonlyArray<{ id: string; dependsOn: string[]; durationMs: number }>): number {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const finish = new Map<string, number>();
  const end = (id: string): number => {
    const known = finish.get(id);
    if (known !== undefined) return known;
    const t = byId.get(id)!;
    const value = t.durationMs + Math.max(0, ...t.dependsOn.map(end));
    finish.set(id, value);
    return value;
  };
  return Math.max(0, ...tasks.map((t) => end(t.id)));
}

/** Earliest start of a recipe task in minutes of estimates, as compileRecipe's analysis plans it. */
function earliestStart(dish: EvalDish, taskId: string): number {
  const byId = new Map(dish.tasks.map((t) => [t.id, t]));
  const start = (id: string): number => Math.max(0, ...byId.get(id)!.dependsOn.map((d) => start(d) + byId.get(d)!.minutes));
  return start(taskId);
}
