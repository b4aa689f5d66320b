import { expectedDurationMs, quantityFactor, unitDuration } from '../../domain/eta';
import { storedPromiseRange, type RangeBasis } from '../../domain/eta/eta-range';
import { explainLateness, type LatenessReason, type TaskSpan, type TimelineStation, type TimelineTask } from '../../domain/eta/explain-lateness';
import type { TenantDb } from '../../db/tenant-scope';
import type { OrderStatus, Prisma, TaskStatus } from '../../prisma/generated/client';
import { loadLearnedDurations, type LearnedDurations } from '../kitchen-read/learned-durations';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';

/** Other orders' work read around this order's window: enough for any queue, bounded for a day-long order. */
const OTHERS_LIMIT = 500;

export interface TimelineTaskView extends TaskSpan {
  name: string;
  itemName: string;
  stationId: string | null;
  stationName: string | null;
  status: TaskStatus;
  dependsOn: string[];
  queuedAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  expectedMs: number;
  learned: boolean;
}

export interface OrderTimeline {
  orderId: string;
  orderNumber: number;
  status: OrderStatus;
  now: number;
  promisedAt: Date | null;
  promiseRange: { from: Date; to: Date; basis: RangeBasis } | null;
  estimatedReadyAt: Date | null;
  actualReadyAt: Date | null;
  lateMs: number | null;
  late: boolean;
  summary: string;
  reasons: Array<LatenessReason & { sentence: string }>;
  criticalPath: string[];
  tasks: TimelineTaskView[];
  stations: TimelineStation[];
  etaHistory: Array<{ estimatedReadyAt: Date; reason: string; computedAt: Date }>;
}

const taskSelect = {
  id: true,
  orderId: true,
  name: true,
  stationId: true,
  stationType: true,
  taskDefId: true,
  dependsOn: true,
  status: true,
  quantity: true,
  estimatedMinutes: true,
  addedMinutes: true,
  plannedStartAt: true,
  queuedAt: true,
  startedAt: true,
  completedAt: true,
  station: { select: { id: true, name: true, capacity: true } },
  order: { select: { orderNumber: true } },
  orderItem: { select: { nameSnapshot: true, workflowVersion: { select: { templateId: true } } } },
} satisfies Prisma.TaskInstanceSelect;

type TaskRow = Prisma.TaskInstanceGetPayload<{ select: typeof taskSelect }>;

function readTasks(db: TenantDb, where: Prisma.TaskInstanceWhereInput, take?: number): Promise<TaskRow[]> {
  return db.taskInstance.findMany({ where, select: taskSelect, orderBy: [{ plannedStartAt: 'asc' }, { id: 'asc' }], take });
}

const ms = (d: Date | null) => (d ? d.getTime() : null);

/** A stored task as the timeline sees it: the duration the plan expects, learned where the kitchen has history. */
function timelineTask(t: TaskRow, learned: LearnedDurations): TimelineTask {
  const levels = learned.lookup(t.orderItem.workflowVersion?.templateId ?? null, t.taskDefId, t.stationId, t.stationType);
  // The stored minutes are already scaled by quantity: back to one unit, as the ETA simulation does.
  const unitEstimate = (Number(t.estimatedMinutes) - Number(t.addedMinutes)) / quantityFactor(t.quantity);
  return {
    id: t.id,
    orderId: t.orderId,
    orderNumber: t.order.orderNumber,
    name: t.name,
    stationId: t.stationId,
    stationName: t.station?.name ?? null,
    dependsOn: t.dependsOn,
    status: t.status,
    plannedStartAt: ms(t.plannedStartAt),
    expectedMs: expectedDurationMs({
      estimateMinutes: unitEstimate,
      addedMinutes: Number(t.addedMinutes) / quantityFactor(t.quantity),
      quantity: t.quantity,
      learned: levels,
    }),
    learned: unitDuration(unitEstimate * 60, levels).source !== 'ESTIMATE',
    queuedAt: ms(t.queuedAt),
    startedAt: ms(t.startedAt),
    completedAt: ms(t.completedAt),
  };
}

/**
 * One order's timeline for its detail page: every task planned against actual per station, the
 * critical path, waiting and working apart, the ETA history, the promise and its range, and why
 * it was late in plain words (domain/eta/explain-lateness.ts). Reads only.
 */
export async function getOrderTimeline({ db, actor, input }: ServiceOptions<{ orderId: string }>): Promise<OrderTimeline> {
  const order = await db.order.findUnique({ where: { id: requireId(input.orderId, 'Order') } });
  if (!order) throw notFound('Order');
  const now = Date.now();
  const [rows, history] = await Promise.all([
    readTasks(db, { orderId: order.id }),
    db.orderEtaChange.findMany({ where: { orderId: order.id }, orderBy: [{ computedAt: 'asc' }, { id: 'asc' }] }),
  ]);
  const stationIds = [...new Set(rows.flatMap((t) => (t.stationId ? [t.stationId] : [])))];
  const times = rows.flatMap((t) => [t.queuedAt, t.startedAt, t.completedAt].flatMap((d) => (d ? [d.getTime()] : [])));
  const windowStart = new Date(times.length > 0 ? Math.min(...times) : now);
  const windowEnd = new Date(order.actualReadyAt?.getTime() ?? now);
  const others =
    stationIds.length === 0
      ? []
      : await readTasks(
          db,
          {
            stationId: { in: stationIds },
            orderId: { not: order.id },
            startedAt: { not: null, lt: windowEnd },
            OR: [{ completedAt: null }, { completedAt: { gt: windowStart } }],
          },
          OTHERS_LIMIT,
        );
  const templateIds = [...new Set([...rows, ...others].flatMap((t) => (t.orderItem.workflowVersion ? [t.orderItem.workflowVersion.templateId] : [])))];
  const [learned, stations] = await Promise.all([loadLearnedDurations(db, actor.tenantId, templateIds), stationsOf(db, rows, windowStart, windowEnd)]);
  const tasks = rows.map((t) => timelineTask(t, learned));
  const explained = explainLateness({
    now,
    promisedAt: ms(order.initialEstimatedReadyAt),
    readyAt: ms(order.actualReadyAt),
    estimatedReadyAt: ms(order.estimatedReadyAt),
    tasks,
    others: others.map((t) => timelineTask(t, learned)),
    stations,
  });
  const spans = new Map(explained.spans.map((s) => [s.taskId, s]));
  const range = storedPromiseRange(order);
  return {
    orderId: order.id,
    orderNumber: order.orderNumber,
    status: order.status,
    now,
    promisedAt: order.initialEstimatedReadyAt,
    promiseRange: range && { from: range.from, to: range.to, basis: range.basis },
    estimatedReadyAt: order.estimatedReadyAt,
    actualReadyAt: order.actualReadyAt,
    lateMs: explained.lateMs,
    late: explained.late,
    summary: explained.summary,
    reasons: explained.reasons.map((r, i) => ({ ...r, sentence: explained.sentences[i] })),
    criticalPath: explained.criticalPath,
    tasks: tasks.map((t, i) => ({ ...t, ...spans.get(t.id)!, status: rows[i].status, itemName: rows[i].orderItem.nameSnapshot, dependsOn: [...t.dependsOn] })),
    stations,
    etaHistory: history.map((h) => ({ estimatedReadyAt: h.estimatedReadyAt, reason: h.reason, computedAt: h.computedAt })),
  };
}

/**
 * The stations the order used, each with the slots staffed when its work first queued there:
 * the shifts at that station covering that moment, where the station had any shift in the window
 * (null otherwise: its configured capacity held).
 */
async function stationsOf(db: TenantDb, rows: TaskRow[], windowStart: Date, windowEnd: Date): Promise<TimelineStation[]> {
  const byId = new Map<string, { id: string; name: string; capacity: number; firstQueued: number | null }>();
  for (const t of rows) {
    if (!t.station) continue;
    const entry = byId.get(t.station.id) ?? { ...t.station, firstQueued: null };
    const q = ms(t.queuedAt);
    if (q !== null && (entry.firstQueued === null || q < entry.firstQueued)) entry.firstQueued = q;
    byId.set(t.station.id, entry);
  }
  const shifts = await db.shift.findMany({
    where: { stationId: { in: [...byId.keys()] }, isActive: true, startsAt: { lt: windowEnd }, endsAt: { gt: windowStart } },
    select: { stationId: true, startsAt: true, endsAt: true },
  });
  return [...byId.values()].map(({ firstQueued, ...s }) => {
    const own = shifts.filter((sh) => sh.stationId === s.id);
    const at = firstQueued ?? windowStart.getTime();
    const on = own.filter((sh) => sh.startsAt.getTime() <= at && sh.endsAt.getTime() > at).length;
    return { ...s, staffedSlots: own.length === 0 ? null : Math.min(on, s.capacity) };
  });
}
