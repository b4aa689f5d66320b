import { graphql, type ResultOf } from '../api/graphql';

export const orderDetailPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

// Under 'orders': live-cache refetches it on order:created / order:updated / eta:recalculated; the page adds task events.
export const orderTimelineKey = (orderId: string) => ['orders', 'timeline', orderId] as const;

export const ORDER_TIMELINE_QUERY = graphql(`
  query OrderTimeline($orderId: ID!) {
    orderTimeline(orderId: $orderId) {
      orderId
      orderNumber
      status
      computedAt
      promisedReadyAt
      promisedReadyRange {
        from
        to
        basis
      }
      estimatedReadyAt
      actualReadyAt
      lateMinutes
      late
      summary
      reasons {
        kind
        sentence
        taskId
      }
      criticalPath
      tasks {
        id
        name
        itemName
        stationId
        stationName
        status
        plannedStartAt
        plannedEndAt
        queuedAt
        startedAt
        completedAt
        waitingSeconds
        workingSeconds
        expectedSeconds
        learned
        critical
      }
      stations {
        id
        name
        capacity
        staffedSlots
      }
      etaHistory {
        estimatedReadyAt
        reason
        computedAt
      }
    }
  }
`);

export type OrderTimelineData = ResultOf<typeof ORDER_TIMELINE_QUERY>['orderTimeline'];
export type TimelineTaskData = OrderTimelineData['tasks'][number];

export interface Lane {
  id: string;
  name: string;
  capacity: number | null;
  staffedSlots: number | null;
  tasks: TimelineTaskData[];
}

/** One lane per station the order used (tasks not at a station yet share one), in the order their work first started. */
export function lanesOf(t: OrderTimelineData): Lane[] {
  const lanes = new Map<string, Lane>();
  for (const task of t.tasks) {
    const id = task.stationId ?? 'unassigned';
    const station = t.stations.find((s) => s.id === task.stationId);
    const lane = lanes.get(id) ?? {
      id,
      name: task.stationName ?? 'Not at a station yet',
      capacity: station?.capacity ?? null,
      staffedSlots: station?.staffedSlots ?? null,
      tasks: [],
    };
    lane.tasks.push(task);
    lanes.set(id, lane);
  }
  const first = (l: Lane) => Math.min(...l.tasks.map((x) => Date.parse(x.plannedStartAt ?? x.queuedAt ?? t.computedAt)));
  return [...lanes.values()].sort((a, b) => first(a) - first(b));
}

/** The time span every bar is drawn against: from the first planned or actual moment to the last. */
export function timeSpan(t: OrderTimelineData): { from: number; to: number } {
  const times = [
    ...t.tasks.flatMap((x) => [x.plannedStartAt, x.plannedEndAt, x.queuedAt, x.startedAt, x.completedAt]),
    t.promisedReadyAt,
    t.estimatedReadyAt,
    t.actualReadyAt,
  ].flatMap((v) => (v ? [Date.parse(v)] : []));
  if (times.length === 0) {
    const now = Date.parse(t.computedAt);
    return { from: now, to: now + 60_000 };
  }
  const from = Math.min(...times);
  return { from, to: Math.max(from + 60_000, ...times) };
}

/** Where a bar from `a` to `b` sits, in percent of the span (for CSS left/width). */
export function barStyle(span: { from: number; to: number }, a: number, b: number): { left: string; width: string } {
  const total = span.to - span.from;
  const left = ((a - span.from) / total) * 100;
  return { left: `${left.toFixed(2)}%`, width: `${Math.max(0.5, ((b - a) / total) * 100).toFixed(2)}%` };
}

export const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '—');

/** "12:40 (12:37–12:46)": a ready time with the range told around it. */
export function readyWithRange(at: string | null, range: { from: string; to: string } | null): string {
  if (!at) return 'not known yet';
  return range ? `${clock(at)} (${clock(range.from)}–${clock(range.to)})` : clock(at);
}
