import { getOrderTimeline, type OrderTimeline, type TimelineTaskView } from '../../../core/orders/get-order-timeline';
import type { TimelineStation } from '../../../domain/eta/explain-lateness';
import { builder } from '../builder';
import { EtaRangeRef, OrderStatusEnum } from './order';
import { TaskStatusEnum } from './task';

type Reason = OrderTimeline['reasons'][number];
type EtaChange = OrderTimeline['etaHistory'][number];

const at = (value: number | null) => (value === null ? null : new Date(value));
const seconds = (value: number) => Math.round(value / 100) / 10;

const LatenessReasonKindEnum = builder.enumType('LatenessReasonKind', {
  description:
    'QUEUE_WAIT: waited at a station behind other orders. PICKUP_DELAY: waited at a station with nobody else working there. SLOW_TASK: took longer than learned (or estimated). SHORT_STAFFED: fewer slots staffed than configured.',
  values: ['QUEUE_WAIT', 'PICKUP_DELAY', 'SLOW_TASK', 'SHORT_STAFFED'] as const,
});

const LatenessReasonRef = builder.objectRef<Reason>('LatenessReason').implement({
  description: 'One reason on the critical path, biggest cost first (domain/eta/explain-lateness.ts).',
  fields: (t) => ({
    kind: t.field({ type: LatenessReasonKindEnum, resolve: (r) => r.kind }),
    sentence: t.exposeString('sentence', { description: 'In plain words, e.g. "waited 6 min at Grill behind #41 and #42".' }),
    taskId: t.id({ nullable: true, resolve: (r) => ('taskId' in r ? r.taskId : null) }),
    stationName: t.string({ nullable: true, resolve: (r) => ('stationName' in r ? r.stationName : null) }),
    behindOrderNumbers: t.intList({
      description: 'QUEUE_WAIT: the orders worked at the station meanwhile.',
      resolve: (r) => (r.kind === 'QUEUE_WAIT' ? r.behind : []),
    }),
  }),
});

const TimelineTaskRef = builder.objectRef<TimelineTaskView>('TimelineTask').implement({
  description: 'One task of the order, planned against actual: its bar is queued→started (waiting) then started→completed (working).',
  fields: (t) => ({
    id: t.id({ resolve: (x) => x.taskId }),
    name: t.exposeString('name'),
    itemName: t.exposeString('itemName', { description: 'The order item it is for, as ordered.' }),
    stationId: t.id({ nullable: true, resolve: (x) => x.stationId }),
    stationName: t.exposeString('stationName', { nullable: true }),
    status: t.field({ type: TaskStatusEnum, resolve: (x) => x.status }),
    dependsOn: t.idList({ resolve: (x) => x.dependsOn }),
    plannedStartAt: t.field({ type: 'DateTime', nullable: true, resolve: (x) => at(x.plannedStart) }),
    plannedEndAt: t.field({ type: 'DateTime', nullable: true, description: 'Planned start plus expectedSeconds.', resolve: (x) => at(x.plannedEnd) }),
    queuedAt: t.field({ type: 'DateTime', nullable: true, resolve: (x) => at(x.queuedAt) }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (x) => at(x.startedAt) }),
    completedAt: t.field({ type: 'DateTime', nullable: true, resolve: (x) => at(x.completedAt) }),
    waitingSeconds: t.float({ description: 'Queued at its station, not started (until now while it waits).', resolve: (x) => seconds(x.waitingMs) }),
    workingSeconds: t.float({ description: 'Started until completed (until now while it cooks).', resolve: (x) => seconds(x.workingMs) }),
    expectedSeconds: t.float({
      description: 'What the plan expects it to take now: learned, else the recipe estimate.',
      resolve: (x) => seconds(x.expectedMs),
    }),
    learned: t.exposeBoolean('learned', { description: "expectedSeconds comes from the kitchen's history (else the estimate)." }),
    critical: t.exposeBoolean('critical', { description: 'On the chain that decided the ready time.' }),
  }),
});

const TimelineStationRef = builder.objectRef<TimelineStation>('TimelineStation').implement({
  description: 'A station the order used: one swim lane.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    capacity: t.exposeInt('capacity'),
    staffedSlots: t.exposeInt('staffedSlots', { nullable: true, description: 'Slots on shift when its work queued there; null where no shifts were planned.' }),
  }),
});

const EtaChangeRef = builder.objectRef<EtaChange>('EtaChange').implement({
  description: 'One ETA the order was given: its promise, then each recalculation that moved it (at most 100).',
  fields: (t) => ({
    estimatedReadyAt: t.expose('estimatedReadyAt', { type: 'DateTime' }),
    reason: t.exposeString('reason', { description: 'order-created, or what asked for the recalculation.' }),
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
  }),
});

const OrderTimelineRef = builder.objectRef<OrderTimeline>('OrderTimeline').implement({
  description: "An order's detail: its tasks per station planned against actual, the critical path, its ETA history and why it was late.",
  fields: (t) => ({
    orderId: t.exposeID('orderId'),
    orderNumber: t.exposeInt('orderNumber'),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    computedAt: t.field({ type: 'DateTime', description: 'The moment open work was measured up to.', resolve: (o) => new Date(o.now) }),
    promisedReadyAt: t.expose('promisedAt', { type: 'DateTime', nullable: true }),
    promisedReadyRange: t.field({ type: EtaRangeRef, nullable: true, resolve: (o) => o.promiseRange }),
    estimatedReadyAt: t.expose('estimatedReadyAt', { type: 'DateTime', nullable: true }),
    actualReadyAt: t.expose('actualReadyAt', { type: 'DateTime', nullable: true }),
    lateMinutes: t.float({
      nullable: true,
      description: 'Ready (or expected ready) minus the promise, in minutes: positive is late.',
      resolve: (o) => (o.lateMs === null ? null : Math.round(o.lateMs / 6_000) / 10),
    }),
    late: t.exposeBoolean('late'),
    summary: t.exposeString('summary', { description: 'One sentence: on time, or how late and why.' }),
    reasons: t.field({ type: [LatenessReasonRef], resolve: (o) => o.reasons }),
    criticalPath: t.idList({ description: 'Task ids, first to last.', resolve: (o) => o.criticalPath }),
    tasks: t.field({ type: [TimelineTaskRef], resolve: (o) => o.tasks }),
    stations: t.field({ type: [TimelineStationRef], resolve: (o) => o.stations }),
    etaHistory: t.field({ type: [EtaChangeRef], resolve: (o) => o.etaHistory }),
  }),
});

builder.queryFields((t) => ({
  orderTimeline: t.withAuth({ permission: 'orders:read' }).field({
    type: OrderTimelineRef,
    description: "The order detail page's read: per-station timeline, critical path, ETA history, and why it was late in plain words.",
    args: { orderId: t.arg.id({ required: true }) },
    resolve: (_root, args, { db, actor }) => getOrderTimeline({ db, actor, input: { orderId: String(args.orderId) } }),
  }),
}));
